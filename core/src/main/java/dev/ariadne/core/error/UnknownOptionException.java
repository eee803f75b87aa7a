package dev.ariadne.core.error;

import dev.ariadne.core.text.TerminalText;
import java.util.List;

/** A configuration key that is not one of the valid keys; names the closest valid one. */
public class UnknownOptionException extends InvalidInputException {
    private final String option;
    private final List<String> validOptions;

    public UnknownOptionException(String option, String closest, List<String> validOptions) {
        super("unknown option '" + TerminalText.escape(option) + "'" + (closest == null ? "" : "; did you mean '" + closest + "'?")
                + " (valid options: " + String.join(", ", validOptions) + ")");
        this.option = option;
        this.validOptions = List.copyOf(validOptions);
    }

    public String option() {
        return option;
    }

    public List<String> validOptions() {
        return validOptions;
    }
}
