package io.edgemesh.firewall.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data and secrets in a message and replaces each with a typed placeholder
 * ({@code [EMAIL]}, {@code [PHONE]}, {@code [CARD]}, {@code [IBAN]}, {@code [NATIONAL_ID]}, {@code [IP]},
 * {@code [SECRET]}), so the text stays readable for the model ("my card [CARD] was declined").
 *
 * <p>Detectors run from the most to the least specific (secrets, e-mail, IBAN, cards, national ids, IP
 * addresses, phone numbers); a later detector never redacts inside an earlier span, so the digits of
 * an IBAN are not also reported as a phone number. Thread-safe.
 */
public final class PiiRedactor {
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String CARD = "card";
    public static final String IBAN = "iban";
    public static final String NATIONAL_ID = "national_id";
    public static final String IP_ADDRESS = "ip_address";
    public static final String SECRET = "secret";

    /** Regions tried for national-format phone numbers besides the visitor's own. */
    static final List<String> COMMON_REGIONS = List.of("US", "GB", "DE", "ES", "FR");

    private static final Pattern EMAIL_RE = Pattern.compile(
            "(?<![\\w.%+-])[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}-]{1,63}(?:\\.[\\p{L}\\p{N}-]{1,63})*\\.\\p{L}{2,24}(?![\\p{L}\\p{N}])");
    private static final Pattern IBAN_RE = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?:[ -]?[A-Za-z0-9]{4}){2,7}(?:[ -]?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])");
    /** Grouped 4-4-4-4(-3), Amex 4-6-5, or an unbroken run: two numbers side by side must not merge into one. */
    private static final Pattern CARD_RE = Pattern.compile(
            "(?<![\\d-])(?:\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{1,7}|\\d{4}([ -])\\d{6}\\2\\d{4,5}|\\d{12,19})(?![\\d-])");
    private static final Pattern SSN_RE = Pattern.compile("(?<![\\d-])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![\\d-])");
    private static final Pattern SSN_BARE_RE = Pattern.compile(
            "(?i)\\b(ssn|social security( number| no\\.?)?)\\W{1,4}(\\d{3})(\\d{2})(\\d{4})(?!\\d)");
    private static final Pattern DNI_RE = Pattern.compile("(?<![A-Za-z0-9])([XYZxyz]\\d{7}|\\d{8})-?([A-Za-z])(?![A-Za-z0-9])");
    private static final Pattern CPF_RE = Pattern.compile("(?<![\\d.])(\\d{3})\\.(\\d{3})\\.(\\d{3})-(\\d{2})(?![\\d])");
    private static final Pattern NINO_RE = Pattern.compile(
            "(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![A-Za-z0-9])");
    private static final Pattern IPV4_RE = Pattern.compile(
            "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.]|\\.\\d)");
    private static final Pattern IPV6_CANDIDATE = Pattern.compile("(?<![0-9A-Fa-f:])[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?![0-9A-Fa-f:])");

    private static final List<Pattern> SECRETS = List.of(
            Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----[\\s\\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----|\\z)"),
            Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}\\b"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,255}\\b"),
            Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{60,255}\\b"),
            Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}\\b"),
            Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}\\b"),
            Pattern.compile("\\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}\\b"),
            Pattern.compile("\\bsk-(?:proj-|ant-|svcacct-)?[A-Za-z0-9_-]{20,}\\b"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
            Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}\\b"),
            Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"));
    /** {@code password: hunter2}: only the value is a secret, the label keeps the sentence readable. */
    private static final Pattern ASSIGNED_SECRET = Pattern.compile(
            "(?i)\\b(?:password|passwd|pwd|passwort|kennwort|contrasena|contraseña|mot de passe|senha|passcode|pin|api[_ -]?key|"
            + "secret[_ -]?key|access[_ -]?key|client[_ -]?secret|auth[_ -]?token|access[_ -]?token|aws_secret_access_key|token)"
            + "\\s*(is|ist|es|est|e|=|:)\\s*[\"']?([^\\s\"']{6,200})");

    /**
     * Candidates libphonenumber may try per region: a message of 32k digits must not cost seconds (a
     * real message has a handful of numbers; after this many failed candidates the rest is not searched).
     */
    static final long MAX_PHONE_TRIES = 200;

    private static final Pattern PHONE_CANDIDATE = Pattern.compile("\\d[\\d ().\\-/]{4,}\\d");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    /** Redacts {@code text}; {@code locale} (e.g. {@code es-ES}, {@code pt_BR}, {@code de}) picks the first phone region. */
    public Redacted redact(String text, String locale) {
        List<Redaction> spans = new ArrayList<>();
        for (Pattern p : SECRETS) add(spans, p.matcher(text), 0, SECRET);
        Matcher a = ASSIGNED_SECRET.matcher(text);
        while (a.find()) {
            // "password: x" always; "password is x" only when x looks like one ("my password is expired" stays)
            boolean symbolic = a.group(1).equals("=") || a.group(1).equals(":");
            String v = a.group(2).replaceAll("[.,;!?)]+$", "");
            if (symbolic || !v.chars().allMatch(Character::isLetter)) addSpan(spans, a.start(2), a.start(2) + v.length(), SECRET);
        }
        add(spans, EMAIL_RE.matcher(text), 0, EMAIL);
        ibans(text, spans);
        cards(text, spans);
        nationalIds(text, spans);
        ips(text, spans);
        phones(text, locale, spans);
        return apply(text, spans);
    }

    private static void add(List<Redaction> spans, Matcher m, int group, String type) {
        while (m.find()) addSpan(spans, m.start(group), m.end(group), type);
    }

    private static void addSpan(List<Redaction> spans, int start, int end, String type) {
        if (end <= start) return;
        for (Redaction r : spans) {
            if (start < r.end() && r.start() < end) return;
        }
        spans.add(new Redaction(type, start, end, placeholder(type)));
    }

    static String placeholder(String type) {
        return switch (type) {
            case IP_ADDRESS -> "[IP]";
            default -> "[" + type.toUpperCase(Locale.ROOT) + "]";
        };
    }

    /**
     * The pattern may run on into a following word ("... 1332 ok"); the country's registered length says
     * where the IBAN ends, and the cut must fall between groups, not inside one.
     */
    private static void ibans(String text, List<Redaction> spans) {
        Matcher m = IBAN_RE.matcher(text);
        while (m.find()) {
            int len = Checksums.ibanLength(m.group().substring(0, 2).toUpperCase(Locale.ROOT));
            if (len == 0) continue;
            StringBuilder compact = new StringBuilder(len);
            int end = m.start();
            for (int i = m.start(); i < m.end() && compact.length() < len; i++) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    compact.append(Character.toUpperCase(c));
                    end = i + 1;
                }
            }
            boolean cleanCut = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (compact.length() == len && cleanCut && Checksums.iban(compact.toString())) addSpan(spans, m.start(), end, IBAN);
        }
    }

    private static void cards(String text, List<Redaction> spans) {
        Matcher m = CARD_RE.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (digits.length() >= 12 && digits.length() <= 19 && Checksums.knownIssuer(digits) && Checksums.luhn(digits)) {
                addSpan(spans, m.start(), m.end(), CARD);
            }
        }
    }

    private static void nationalIds(String text, List<Redaction> spans) {
        Matcher m = SSN_RE.matcher(text);
        while (m.find()) {
            if (Checksums.ssn(m.group(1), m.group(3), m.group(4))) addSpan(spans, m.start(), m.end(), NATIONAL_ID);
        }
        m = SSN_BARE_RE.matcher(text);
        while (m.find()) {
            if (Checksums.ssn(m.group(3), m.group(4), m.group(5))) addSpan(spans, m.start(3), m.end(5), NATIONAL_ID);
        }
        m = DNI_RE.matcher(text);
        while (m.find()) {
            if (Checksums.dniOrNie(m.group(1) + m.group(2))) addSpan(spans, m.start(), m.end(), NATIONAL_ID);
        }
        m = CPF_RE.matcher(text);
        while (m.find()) {
            if (Checksums.cpf(m.group(1) + m.group(2) + m.group(3) + m.group(4))) addSpan(spans, m.start(), m.end(), NATIONAL_ID);
        }
        add(spans, NINO_RE.matcher(text), 0, NATIONAL_ID);
    }

    private static void ips(String text, List<Redaction> spans) {
        add(spans, IPV4_RE.matcher(text), 0, IP_ADDRESS);
        if (text.indexOf(':') < 0) return;
        Matcher m = IPV6_CANDIDATE.matcher(text);
        while (m.find()) {
            String s = m.group();
            // a trailing colon ends a sentence ("at 10:30:") more often than an address
            while (s.endsWith(":") && !s.endsWith("::")) s = s.substring(0, s.length() - 1);
            if (isIpv6(s)) addSpan(spans, m.start(), m.start() + s.length(), IP_ADDRESS);
        }
    }

    /** RFC 4291 text forms: eight groups, or fewer with one {@code ::}, optionally ending in dotted IPv4. */
    static boolean isIpv6(String s) {
        if (s.length() < 2 || s.length() > 45) return false;
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return false;
        String[] parts = s.split(":", -1);
        int groups = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) continue;
            if (i == parts.length - 1 && p.contains(".")) {
                if (!IPV4_RE.matcher(p).matches()) return false;
                groups += 2;
                continue;
            }
            if (p.length() > 4 || !p.matches("[0-9A-Fa-f]+")) return false;
            groups++;
        }
        if (dbl < 0) {
            if (s.startsWith(":") || s.endsWith(":")) return false;
            return groups == 8;
        }
        // "::" alone or with a few groups; require at least two groups so "a::b"-looking words stay text
        return groups <= 7 && (groups >= 2 || s.equals("::1"));
    }

    private void phones(String text, String locale, List<Redaction> spans) {
        // libphonenumber scans the whole text once per region; most messages have no number-like run at all
        if (!PHONE_CANDIDATE.matcher(text).find()) return;
        for (String region : regions(locale)) {
            for (PhoneNumberMatch match : phones.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, MAX_PHONE_TRIES)) {
                addSpan(spans, match.start(), match.end(), PHONE);
            }
        }
    }

    /** The visitor's region first (from {@code es-ES}, {@code pt_BR} or a bare language), then the common ones. */
    static List<String> regions(String locale) {
        Set<String> out = new LinkedHashSet<>();
        if (locale != null && !locale.isBlank()) {
            Locale l = Locale.forLanguageTag(locale.trim().replace('_', '-'));
            String country = l.getCountry();
            if (country.length() == 2) {
                out.add(country.toUpperCase(Locale.ROOT));
            } else {
                String byLanguage = switch (l.getLanguage()) {
                    case "en" -> "US";
                    case "de" -> "DE";
                    case "es" -> "ES";
                    case "fr" -> "FR";
                    case "pt" -> "PT";
                    case "it" -> "IT";
                    case "nl" -> "NL";
                    case "ar" -> "SA";
                    default -> null;
                };
                if (byLanguage != null) out.add(byLanguage);
            }
        }
        out.addAll(COMMON_REGIONS);
        out.removeIf(r -> !PhoneNumberUtil.getInstance().getSupportedRegions().contains(r));
        return List.copyOf(out);
    }

    private static Redacted apply(String text, List<Redaction> spans) {
        if (spans.isEmpty()) return new Redacted(text, List.of());
        spans.sort(Comparator.comparingInt(Redaction::start));
        StringBuilder b = new StringBuilder(text.length());
        int at = 0;
        for (Redaction r : spans) {
            b.append(text, at, r.start()).append(r.replacement());
            at = r.end();
        }
        b.append(text, at, text.length());
        return new Redacted(b.toString(), spans);
    }
}
