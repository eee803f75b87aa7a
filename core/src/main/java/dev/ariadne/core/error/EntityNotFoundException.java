package dev.ariadne.core.error;

import dev.ariadne.core.text.TerminalText;

/** No entity in the graph matches the given key or mention. */
public class EntityNotFoundException extends AriadneException {
    /** How much of the reference the message quotes (the whole of it stays in {@link #reference()}). */
    static final int QUOTED = 200;
    private final String reference;

    public EntityNotFoundException(String reference, String detail) {
        super("no entity in the graph matches '" + TerminalText.excerpt(reference, QUOTED) + "'" + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
