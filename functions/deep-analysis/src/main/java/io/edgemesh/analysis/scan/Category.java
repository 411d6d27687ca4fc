package io.edgemesh.analysis.scan;

/**
 * Every kind of thing a scanner can find, with the action a tenant gets when its policy says
 * nothing. The defaults block whatever can run code, reach out of the document or hide content from
 * the scanners, and allow what ordinary documents contain (plain links, OCR text layers).
 */
public enum Category {
    // type and size
    EMPTY(PolicyAction.BLOCK),
    TYPE_NOT_ALLOWED(PolicyAction.BLOCK),
    TYPE_MISMATCH(PolicyAction.BLOCK),
    SIZE_LIMIT(PolicyAction.BLOCK),
    SIZE_MISMATCH(PolicyAction.BLOCK),
    MALFORMED(PolicyAction.BLOCK),
    PAGE_LIMIT(PolicyAction.BLOCK),
    ENCRYPTED(PolicyAction.BLOCK),
    /** Encrypted with an empty user password: readable (and scanned), only permissions restricted. */
    PERMISSIONS_ONLY_ENCRYPTION(PolicyAction.ALLOW),
    DECOMPRESSION_BOMB(PolicyAction.BLOCK),
    /** A scanner could not look inside (unparseable, too large): it must not vouch for the content. */
    UNSCANNABLE(PolicyAction.BLOCK),
    // active content
    JAVASCRIPT(PolicyAction.BLOCK),
    LAUNCH(PolicyAction.BLOCK),
    IMPORT_DATA(PolicyAction.BLOCK),
    SUBMIT_FORM(PolicyAction.BLOCK),
    REMOTE_GOTO(PolicyAction.BLOCK),
    EMBEDDED_GOTO(PolicyAction.BLOCK),
    EMBEDDED_FILE(PolicyAction.BLOCK),
    XFA(PolicyAction.BLOCK),
    RICH_MEDIA(PolicyAction.BLOCK),
    UNKNOWN_ACTION(PolicyAction.REVIEW),
    URI_LINK(PolicyAction.ALLOW),
    // signatures
    MALWARE_SIGNATURE(PolicyAction.BLOCK),
    BLOCKLISTED_HASH(PolicyAction.BLOCK),
    // secrets and hidden instructions
    CLOUD_CREDENTIAL(PolicyAction.BLOCK),
    PRIVATE_KEY(PolicyAction.BLOCK),
    API_TOKEN(PolicyAction.BLOCK),
    JWT(PolicyAction.REVIEW),
    GENERIC_SECRET(PolicyAction.REVIEW),
    PROMPT_INJECTION(PolicyAction.BLOCK),
    /** Invisible text on its own is common (OCR layers under scanned pages), so it is only reported. */
    HIDDEN_TEXT(PolicyAction.ALLOW);

    private final PolicyAction defaultAction;

    Category(PolicyAction defaultAction) {
        this.defaultAction = defaultAction;
    }

    public PolicyAction defaultAction() {
        return defaultAction;
    }
}
