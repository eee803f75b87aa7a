package dev.ariadne.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.generate.QuestionRewriter.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the parser keeps of a model's answer, and what makes an answer unusable. */
class RewriteReplyTest {
    private static final Request A = new Request("Alpha", "the a of Alpha", List.of("what is the a of Alpha"));
    private static final Request B = new Request("Beta", "the b of Beta", List.of("what is the b of Beta"));

    @Test
    void oddEntriesAreSkippedAndTheRestKept() throws Exception {
        String tooLong = "Alpha " + "x".repeat(RewriteReply.MAX_REWRITE_CHARS);
        String reply = """
                {"questions":[
                  {"id":0,"rewrites":["Alpha zero"]},
                  {"id":7,"rewrites":["Alpha seven"]},
                  "not an object",
                  {"id":"1","rewrites":["  What's Alpha's a?  ",42,null,{"q":"Alpha"},"   ","What's Alpha's a?","%s","what's ALPHA's a?"]},
                  {"id":1,"rewrites":["Alpha again, a second answer to id 1"]},
                  {"id":2,"rewrites":"Beta as a string, not an array"}
                ]}""".formatted(tooLong);
        assertEquals(List.of(List.of("What's Alpha's a?", "what's ALPHA's a?"), List.of()), RewriteReply.parse(reply, List.of(A, B), 5));
    }

    @Test
    void atMostVariantsRewritesAreKept() throws Exception {
        String reply = "{\"questions\":[{\"id\":1,\"rewrites\":[\"Alpha 1\",\"Alpha 1\",\"Alpha 2\",\"Alpha 3\"]}]}";
        assertEquals(List.of(List.of("Alpha 1", "Alpha 2")), RewriteReply.parse(reply, List.of(A), 2));
    }

    @Test
    void theQuestionsObjectIsFoundPastBracesInProse() throws Exception {
        String reply = "Using the format {id, rewrites} you asked for:\n```json\n"
                + "{\"questions\":[{\"id\":2,\"rewrites\":[\"Beta's b?\"]}]}\n```\n{and a closing remark}";
        assertEquals(List.of(List.of(), List.of("Beta's b?")), RewriteReply.parse(reply, List.of(A, B), 2));
    }

    @Test
    void noUsableJsonIsMalformed() {
        for (String reply : List.of("", "no JSON here", "{\"questions\": {\"id\":1}}", "{\"questions\":[{\"id\":1,\"rewrites\":[\"Alpha\"",
                "{\"answers\":[]}")) {
            var e = assertThrows(RewriteReply.MalformedReplyException.class, () -> RewriteReply.parse(reply, List.of(A), 2), reply);
            assertTrue(e.getMessage().startsWith("the reply is empty") || e.getMessage().startsWith("no JSON object"), e.getMessage());
        }
    }
}
