package dev.ariadne.core.error;

/** No entity in the graph matches the given key or mention. */
public class EntityNotFoundException extends AriadneException {
    private final String reference;

    public EntityNotFoundException(String reference, String detail) {
        super("no entity in the graph matches '" + reference + "'" + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
