package io.edgemesh.widget.internal.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.ApiException;
import java.util.regex.Pattern;

/**
 * A visitor's chat message, validated: {@code message} of 1 to 4000 characters (code points, not
 * UTF-16 units, so emoji count once), an optional {@code sessionId} of the form the ingress issues,
 * and an optional BCP 47-shaped {@code locale}.
 */
public record ChatRequest(String sessionId, String message, String locale) {

    public static final int MAX_MESSAGE_CHARS = 4000;
    static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

    public static ChatRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) throw ApiException.invalid("the body must be a JSON object with a \"message\"");
        JsonNode m = body.get("message");
        if (m == null || !m.isTextual()) throw ApiException.invalid("\"message\" is required and must be a string");
        String message = m.asText();
        if (message.isBlank()) throw ApiException.invalid("\"message\" must not be empty");
        int chars = message.codePointCount(0, message.length());
        if (chars > MAX_MESSAGE_CHARS) {
            throw ApiException.invalid("\"message\" has " + chars + " characters; the limit is " + MAX_MESSAGE_CHARS);
        }
        String sessionId = optionalText(body, "sessionId");
        if (sessionId != null && !SESSION_ID.matcher(sessionId).matches()) {
            throw ApiException.invalid("\"sessionId\" must be 8 to 64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
        String locale = optionalText(body, "locale");
        if (locale != null && (locale.length() > 35 || !LOCALE.matcher(locale).matches())) {
            throw ApiException.invalid("\"locale\" must be a language tag such as \"en\" or \"pt-BR\"");
        }
        return new ChatRequest(sessionId, message, locale);
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw ApiException.invalid("\"" + field + "\" must be a string");
        return n.asText().isEmpty() ? null : n.asText();
    }
}
