package io.edgemesh.routes;

/** A DynamoDB key attribute: name and scalar type ({@code S}, {@code N} or {@code B}). */
public record Attr(String name, String type) {
    public Attr {
        if (!type.equals("S") && !type.equals("N") && !type.equals("B")) {
            throw new IllegalArgumentException("key attribute type must be S, N or B: " + type);
        }
    }

    public static Attr s(String name) { return new Attr(name, "S"); }

    public static Attr n(String name) { return new Attr(name, "N"); }
}
