package io.edgemesh.local.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The secrets a local run needs, generated once and kept in the data folder so sessions, keys and
 * the admin token survive a restart: the envelope HMAC key ring ({@code kid:base64}), the session
 * token key and the admin token. {@code EDGEMESH_ADMIN_TOKEN} overrides the stored admin token and
 * is never written to disk. The file is owner-only and replaced atomically, so a crash leaves the
 * old or the new file, never half of one.
 */
public record LocalSecrets(String envelopeKeys, String sessionKey, String adminToken, boolean adminTokenFromEnvironment) {

    public static final String FILE = "secrets.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Fresh secrets for an in-memory run. */
    public static LocalSecrets generate(String adminTokenFromEnv) {
        boolean fromEnv = adminTokenFromEnv != null && !adminTokenFromEnv.isBlank();
        return new LocalSecrets(newKeyRing(), newKey(), fromEnv ? adminTokenFromEnv.strip() : newAdminToken(), fromEnv);
    }

    /** Reads {@code dir/secrets.properties}, creating it or adding what is missing. */
    public static LocalSecrets loadOrCreate(Path dir, String adminTokenFromEnv) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Properties p = read(file);
        boolean changed = false;
        if (blank(p.getProperty("envelope.keys"))) {
            p.setProperty("envelope.keys", newKeyRing());
            changed = true;
        }
        if (blank(p.getProperty("session.key"))) {
            p.setProperty("session.key", newKey());
            changed = true;
        }
        if (blank(p.getProperty("admin.token"))) {
            p.setProperty("admin.token", newAdminToken());
            changed = true;
        }
        if (changed) write(file, p);
        boolean fromEnv = adminTokenFromEnv != null && !adminTokenFromEnv.isBlank();
        return new LocalSecrets(p.getProperty("envelope.keys"), p.getProperty("session.key"),
                fromEnv ? adminTokenFromEnv.strip() : p.getProperty("admin.token"), fromEnv);
    }

    /** The stored admin token of a data folder, for the tenant CLI. */
    public static Optional<String> storedAdminToken(Path dir) {
        try {
            return Optional.ofNullable(read(dir.resolve(FILE)).getProperty("admin.token")).filter(s -> !s.isBlank());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    private static void write(Path file, Properties p) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "EdgeMesh local secrets: generated, never commit");
        }
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    private static String newKeyRing() {
        byte[] kid = new byte[4];
        RANDOM.nextBytes(kid);
        return "local-" + java.util.HexFormat.of().formatHex(kid) + ":" + newKey();
    }

    private static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String newAdminToken() {
        byte[] token = new byte[24];
        RANDOM.nextBytes(token);
        return "adm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    @Override
    public String toString() {
        return "LocalSecrets[redacted]";
    }
}
