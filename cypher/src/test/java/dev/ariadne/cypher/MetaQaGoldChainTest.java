package dev.ariadne.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.connect.EmbeddedGraph;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.retrieve.RetrievalLimits;
import dev.ariadne.core.retrieve.RetrievalResult;
import dev.ariadne.core.schema.GraphSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Following each MetaQA dev question's gold relation chain from its topic reproduces the gold answer set
 * exactly, for every 2-hop and 3-hop dev question (MetaQA: Zhang et al., AAAI 2018, CC BY 3.0).
 * Skipped when {@code ../shared/datasets/metaqa} is absent.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetaQaGoldChainTest {
    private static final RetrievalLimits NO_CUT = new RetrievalLimits(10_000_000, 10_000_000, Duration.ofSeconds(60), false);

    private Path metaQa;
    private Path dir;
    private EmbeddedGraph graph;
    private GraphAccess access;

    @BeforeAll
    void load() throws Exception {
        metaQa = MetaQaFixture.metaQa();
        Assumptions.assumeTrue(metaQa != null, "skipped: ../shared/datasets/metaqa not found (set -Dariadne.shared=DIR)");
        dir = TestServers.tempDir("ariadne-metaqa");
        graph = EmbeddedGraph.open(dir, 256);
        MetaQaFixture.load(graph.database(), metaQa.resolve("kb.txt"));
        access = Neo4jGraphAccess.embedded(graph);
    }

    @AfterAll
    void close() {
        if (graph != null) {
            graph.close();
            TestServers.delete(dir);
        }
    }

    @Test
    void schemaOfTheKb() {
        GraphSchema s = access.schema();
        assertEquals(43_234, s.entityCount());
        assertEquals(133_582, s.relationshipCount());
        assertEquals(9, s.relationTypes().size());
        assertTrue(s.followers(DirectedRelation.backward("directed_by")).containsAll(Set.of(
                DirectedRelation.forward("directed_by"), DirectedRelation.forward("written_by"),
                DirectedRelation.forward("starred_actors"), DirectedRelation.forward("in_language"))));
    }

    @Test
    void twoHopGoldChainsReproduceGold() throws Exception {
        assertAllReproduced(2);
    }

    @Test
    void threeHopGoldChainsReproduceGold() throws Exception {
        assertAllReproduced(3);
    }

    private void assertAllReproduced(int hops) throws Exception {
        List<MetaQaFixture.Question> questions = MetaQaFixture.questions(metaQa, hops);
        List<String> wrong = new ArrayList<>();
        for (MetaQaFixture.Question q : questions) {
            RetrievalResult r = access.retriever().retrieve(Entity.named(q.topic()), q.chain(), NO_CUT);
            assertFalse(r.truncated(), q.text());
            Set<String> got = new TreeSet<>();
            r.paths().forEach(p -> got.add(p.end().key()));
            if (!got.equals(new TreeSet<>(q.answers()))) {
                wrong.add(q.text() + " via " + q.chain() + ": got " + got + ", gold " + q.answers());
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(5, wrong.size())),
                wrong.size() + " of " + questions.size() + " " + hops + "-hop questions differ");
        System.out.println("MetaQA " + hops + "-hop dev: " + questions.size() + "/" + questions.size() + " gold answer sets reproduced");
    }
}
