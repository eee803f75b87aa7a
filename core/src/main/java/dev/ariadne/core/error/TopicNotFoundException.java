package dev.ariadne.core.error;

/** No span of a question (and no bracketed mention) names an entity of the graph. */
public class TopicNotFoundException extends EntityNotFoundException {
    private final String question;

    public TopicNotFoundException(String question, String detail) {
        super(question, detail);
        this.question = question;
    }

    public String question() {
        return question;
    }
}
