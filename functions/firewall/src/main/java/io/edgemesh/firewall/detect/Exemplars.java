package io.edgemesh.firewall.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The project's own attack and benign example messages (resources {@code exemplars-attack.txt} and
 * {@code exemplars-benign.txt} beside this class), from which the embedding classifier is trained.
 * They are written for EdgeMesh; the evaluation sets under {@code shared/data} are never copied here.
 */
public final class Exemplars {
    static final String ATTACK_RESOURCE = "exemplars-attack.txt";
    static final String BENIGN_RESOURCE = "exemplars-benign.txt";

    /** One example: {@code attack} true for injections and jailbreaks; {@code kind} is the category or topic. */
    public record Exemplar(boolean attack, String kind, String language, String text) { }

    private Exemplars() { }

    public static List<Exemplar> load() {
        List<Exemplar> out = new ArrayList<>();
        read(ATTACK_RESOURCE, true, out);
        read(BENIGN_RESOURCE, false, out);
        return out;
    }

    /** SHA-256 over both files, recorded in the trained model so a stale model is caught by a test. */
    public static String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes(ATTACK_RESOURCE));
            md.update(bytes(BENIGN_RESOURCE));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void read(String resource, boolean attack, List<Exemplar> out) {
        String[] lines = new String(bytes(resource), StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\t", 3);
            if (f.length != 3 || f[2].isBlank()) {
                throw new IllegalStateException(resource + " line " + (i + 1) + ": expected kind<TAB>language<TAB>text");
            }
            // the files say "injection" for readability; the category is "prompt_injection"
            String kind = attack && f[0].equals("injection") ? InjectionRules.INJECTION : f[0];
            out.add(new Exemplar(attack, kind, f[1], f[2]));
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = Exemplars.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
