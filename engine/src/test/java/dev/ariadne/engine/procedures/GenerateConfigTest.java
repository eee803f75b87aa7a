package dev.ariadne.engine.procedures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.InvalidInputException;
import dev.ariadne.core.generate.LlmEndpoint;
import dev.ariadne.engine.generate.GeneratingReasoner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code generate} key of {@code ariadne.ask}: typed, off by default, and refused with a clear error
 * unless the server's configuration names an endpoint; when it does, the generator comes from the
 * provider on the classpath (here the engine tests' OpenAI-compatible one).
 */
class GenerateConfigTest {
    @Test
    void generateIsATypedKeyOffByDefault() {
        assertFalse(AskConfig.parse(Map.of()).generate());
        assertTrue(AskConfig.parse(Map.of("generate", true)).generate());
        InvalidInputException notBoolean = assertThrows(InvalidInputException.class, () -> AskConfig.parse(Map.of("generate", "yes")));
        assertEquals("config 'generate' must be true or false, got String yes", notBoolean.getMessage());
        assertThrows(dev.ariadne.core.error.UnknownOptionException.class, () -> AskConfig.parse(Map.of("generat", true)));
    }

    @Test
    void generateIsRefusedWhenTheServerNamesNoEndpoint() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PluginGeneration.generator(Map.<String, String>of()::get));
        assertTrue(e.getMessage().startsWith("config 'generate: true' is off on this server: it names no LLM endpoint."), e.getMessage());
        assertTrue(e.getMessage().contains("-Dariadne.llm.base_url"), e.getMessage());
    }

    @Test
    void aNamedEndpointGivesTheProvidersGenerator() {
        var g = PluginGeneration.generator(Map.of(LlmEndpoint.BASE_URL, "http://127.0.0.1:9/v1", LlmEndpoint.MODEL, "m")::get);
        assertTrue(g instanceof GeneratingReasoner, g.getClass().getName());
        assertEquals("m", ((GeneratingReasoner) g).modelName());
    }
}
