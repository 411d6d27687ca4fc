package io.edgemesh.firewall.pii;

/**
 * One redacted span of the original text: {@code [start, end)} in UTF-16 units of the message as
 * received, its type ({@code email}, {@code phone}, {@code card}, {@code iban}, {@code national_id},
 * {@code ip_address}, {@code secret}) and the placeholder that replaced it.
 */
public record Redaction(String type, int start, int end, String replacement) {
    public Redaction {
        if (start < 0 || end <= start) throw new IllegalArgumentException("empty or negative span");
    }
}
