package io.edgemesh.analysis.internal;

import io.edgemesh.analysis.scan.Category;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credential patterns for extracted text. Each rule has a stable id, the category the tenant policy
 * acts on, and optionally a validator that rejects look-alikes (documented example keys, JWTs whose
 * header is not JSON, low-entropy "secrets" such as {@code password = changeme}). Matches are
 * reported masked: a finding must never republish the secret it found.
 */
public final class SecretRules {

    /** One hit: which rule, the masked value, where in the text. */
    public record Hit(String ruleId, Category category, String description, String masked, int start) { }

    private record Rule(String id, Category category, String description, Pattern pattern, int group, Predicate<String> valid) { }

    private static final List<Rule> RULES = List.of(
            new Rule("aws_access_key_id", Category.CLOUD_CREDENTIAL, "AWS access key id",
                    Pattern.compile("\\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b"), 1, v -> !v.endsWith("EXAMPLE")),
            new Rule("aws_secret_access_key", Category.CLOUD_CREDENTIAL, "AWS secret access key",
                    Pattern.compile("(?i)aws.{0,20}?(?:secret|sk).{0,20}?[=:\"'\\s]+([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"), 1,
                    v -> !v.contains("EXAMPLEKEY") && entropy(v) > 4.0),
            new Rule("private_key", Category.PRIVATE_KEY, "private key block",
                    Pattern.compile("-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"), 0, v -> true),
            new Rule("github_token", Category.API_TOKEN, "GitHub token",
                    Pattern.compile("\\b((?:gh[pousr]_[A-Za-z0-9]{36,255})|(?:github_pat_[A-Za-z0-9_]{40,255}))\\b"), 1, v -> true),
            new Rule("slack_token", Category.API_TOKEN, "Slack token",
                    Pattern.compile("\\b(xox[abposr]-[A-Za-z0-9-]{10,})"), 1, v -> v.chars().filter(Character::isDigit).count() >= 6),
            new Rule("slack_webhook", Category.API_TOKEN, "Slack webhook URL",
                    Pattern.compile("(https://hooks\\.slack\\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{16,})"), 1, v -> true),
            new Rule("stripe_secret_key", Category.API_TOKEN, "Stripe secret key",
                    Pattern.compile("\\b((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,247})\\b"), 1, v -> true),
            new Rule("google_api_key", Category.API_TOKEN, "Google API key",
                    Pattern.compile("\\b(AIza[0-9A-Za-z_\\-]{35})(?![0-9A-Za-z_\\-])"), 1, v -> true),
            new Rule("google_oauth_secret", Category.API_TOKEN, "Google OAuth client secret",
                    Pattern.compile("\\b(GOCSPX-[A-Za-z0-9_\\-]{28})(?![A-Za-z0-9_\\-])"), 1, v -> true),
            new Rule("jwt", Category.JWT, "JSON Web Token",
                    Pattern.compile("\\b(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})"), 1, SecretRules::jwtHeader),
            new Rule("generic_secret", Category.GENERIC_SECRET, "secret assigned in plain text",
                    Pattern.compile("(?i)\\b(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|client[_-]?secret|auth[_-]?token)"
                            + "[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9+/_\\-.!@#$%^&*~]{12,128})"), 1, SecretRules::looksRandom));

    private SecretRules() { }

    /** Every distinct hit (the same value found twice is reported once). */
    public static List<Hit> find(String text, int maxHits) {
        Map<String, Hit> out = new LinkedHashMap<>();
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(text);
            while (m.find() && out.size() < maxHits) {
                String v = m.group(r.group);
                if (v == null || !r.valid.test(v)) continue;
                out.putIfAbsent(r.id + "|" + v, new Hit(r.id, r.category, r.description, mask(v), m.start(r.group)));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** First four characters and the length: enough to find it, not enough to use it. */
    static String mask(String v) {
        if (v.startsWith("-----")) return v;
        int keep = Math.min(4, v.length() / 4);
        return v.substring(0, keep) + "…(" + v.length() + " chars)";
    }

    static boolean jwtHeader(String token) {
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
            return header.startsWith("{") && header.contains("\"alg\"");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A value that is neither a placeholder nor a word: mixed character classes and high entropy. */
    static boolean looksRandom(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        for (String placeholder : new String[] {"example", "changeme", "password", "your", "xxxx", "****", "<", "redacted", "dummy", "sample"}) {
            if (lower.contains(placeholder)) return false;
        }
        int classes = 0;
        if (v.chars().anyMatch(Character::isLowerCase)) classes++;
        if (v.chars().anyMatch(Character::isUpperCase)) classes++;
        if (v.chars().anyMatch(Character::isDigit)) classes++;
        if (v.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) classes++;
        return classes >= 3 && entropy(v) >= 3.5;
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String s) {
        if (s.isEmpty()) return 0;
        Map<Character, Integer> counts = new java.util.HashMap<>();
        for (char c : s.toCharArray()) counts.merge(c, 1, Integer::sum);
        double h = 0;
        for (int n : counts.values()) {
            double p = (double) n / s.length();
            h -= p * (Math.log(p) / Math.log(2));
        }
        return h;
    }
}
