package dev.ariadne.models.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.core.error.ModelException;
import dev.ariadne.core.graph.DirectedRelation;
import dev.ariadne.core.graph.Entity;
import dev.ariadne.core.graph.RelationPath;
import dev.ariadne.core.graph.Triple;
import dev.ariadne.core.memory.InMemoryGraph;
import dev.ariadne.core.plan.Plan;
import dev.ariadne.core.plan.PlanningRequest;
import dev.ariadne.models.fixtures.FilmWorld;
import dev.ariadne.models.fixtures.HashingEncoder;
import dev.ariadne.models.planner.PathPlanner;
import dev.ariadne.models.planner.PlannerManifest;
import dev.ariadne.models.planner.TrainedPlanner;
import dev.ariadne.models.verbalise.PathVerbaliser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTrainerTest {
    static final FilmWorld WORLD = new FilmWorld();
    static final HashingEncoder ENCODER = new HashingEncoder(256);
    static final TrainingOptions OPTIONS = TrainingOptions.builder().seed(7).epochs(30).batchSize(16).learningRate(5e-3)
            .threads(2).hopRank(8).build();
    static List<TrainingExample> train;
    static List<TrainingExample> test;
    static TrainedPlanner trained;

    @BeforeAll
    static void trainOnce() {
        train = WORLD.examples(14, true, 1);
        test = WORLD.examples(8, true, 99);
        trained = PlannerTrainer.train(train, WORLD.graph, WORLD.graph, ENCODER, OPTIONS);
    }

    static double accuracy(PathPlanner planner, List<TrainingExample> examples, java.util.function.Predicate<RelationPath> which) {
        int ok = 0;
        int n = 0;
        for (TrainingExample ex : examples) {
            if (!which.test(ex.goldPath())) {
                continue;
            }
            List<Plan> plans = planner.plan(new PlanningRequest(ex.question(), ex.topic(), ex.topicMention(), 1, 3), WORLD.graph);
            n++;
            if (!plans.isEmpty() && plans.get(0).path().equals(ex.goldPath())) {
                ok++;
            } else if (System.getProperty("debugPlans") != null) {
                System.out.println("MISS " + ex.question() + " gold " + ex.goldPath() + " got " + plans);
            }
        }
        return ok / (double) n;
    }

    @Test
    void trainingBeatsZeroShotOnUnseenQuestions() {
        PathPlanner zero = PathPlanner.builder().encoder(ENCODER).build();
        PathPlanner tuned = PathPlanner.builder().encoder(ENCODER).model(trained).build();
        double z = accuracy(zero, test, p -> true);
        double t = accuracy(tuned, test, p -> true);
        assertTrue(t >= 0.9, "trained path accuracy " + t + " (zero-shot " + z + ")");
        assertTrue(t > z, "trained " + t + " vs zero-shot " + z);
    }

    @Test
    void learnsRelationOrder() {
        PathPlanner zero = PathPlanner.builder().encoder(ENCODER).build();
        PathPlanner tuned = PathPlanner.builder().encoder(ENCODER).model(trained).build();
        // the same two relations in both orders: only word order in the question tells them apart (the test
        // encoder sees it through word bigrams only, and one test phrasing is never seen in training)
        java.util.function.Predicate<RelationPath> swapped = p -> p.equals(RelationPath.parse("~directed_by,written_by"))
                || p.equals(RelationPath.parse("~written_by,directed_by"));
        double ordered = accuracy(tuned, test, swapped);
        assertTrue(ordered >= 0.85, "order accuracy " + ordered);
        assertTrue(ordered > accuracy(zero, test, swapped));
    }

    @Test
    void learnsWhenToStop() {
        PathPlanner tuned = PathPlanner.builder().encoder(ENCODER).model(trained).build();
        // one-hop gold paths whose one-hop-longer extensions are valid and score close in cosine
        double oneHop = accuracy(tuned, test, p -> p.length() == 1);
        double twoHop = accuracy(tuned, test, p -> p.length() == 2);
        assertTrue(oneHop >= 0.9, "1-hop accuracy " + oneHop);
        assertTrue(twoHop >= 0.9, "2-hop accuracy " + twoHop);
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        List<TrainingExample> small = train.subList(0, 60);
        TrainingOptions o = TrainingOptions.builder().seed(3).epochs(2).minSteps(0).threads(2).hopRank(4).build();
        TrainedPlanner a = PlannerTrainer.train(small, WORLD.graph, WORLD.graph, ENCODER, o);
        TrainedPlanner b = PlannerTrainer.train(small, WORLD.graph, WORLD.graph, ENCODER,
                TrainingOptions.builder().seed(3).epochs(2).minSteps(0).threads(1).hopRank(4).build());
        assertEquals(a.weights(), b.weights(), "same seed, different thread count: identical weights");
        assertEquals(a.manifest(), b.manifest());
        TrainedPlanner c = PlannerTrainer.train(small, WORLD.graph, WORLD.graph, ENCODER,
                TrainingOptions.builder().seed(4).epochs(2).minSteps(0).threads(2).hopRank(4).build());
        assertNotEquals(a.weights(), c.weights());
    }

    @Test
    void trainsTheRoleAttentionAndItReachesTheScores() {
        assertTrue(trained.weights().hasRoles(), "training must move the role attention off zero");
        assertEquals(PlannerManifest.FORMAT_VERSION, trained.manifest().formatVersion());
        // the role terms read the question's words: the same question vector with other words scores otherwise
        float[] q = ENCODER.encode("who wrote the films directed by X");
        dev.ariadne.models.planner.QuestionWords words = dev.ariadne.models.planner.QuestionWords.of("who wrote the films directed by X");
        float[][] w = ENCODER.encodeAll(words.words());
        float[] path = ENCODER.encode(PathVerbaliser.verbalise(RelationPath.parse("~directed_by,written_by")));
        float[][][] hops = {trained.weights().projectHop(ENCODER.encode("directed by")),
            trained.weights().projectHop(ENCODER.encode("written by"))};
        double withWords = trained.weights().project(q, w, words.buckets()).score(path, hops, 0f);
        double without = trained.weights().project(q).score(path, hops, 0f);
        assertNotEquals(withWords, without, 1e-6);
    }

    @Test
    void manifestRecordsProvenance() {
        PlannerManifest m = trained.manifest();
        assertEquals(ENCODER.modelId(), m.baseModelId());
        assertEquals("0000", m.baseModelSha256());
        assertEquals(PathVerbaliser.VERSION, m.verbaliserVersion());
        assertEquals(PlannerTrainer.dataSha256(train), m.trainingDataSha256());
        assertEquals(7, m.seed());
        assertEquals(List.of("directed_by", "has_genre", "release_year", "starred_actors", "written_by"), m.relationVocabulary());
        assertTrue(m.validation().examples() > 0);
        assertTrue(m.temperature() > 0);
    }

    @Test
    void saveAndLoadRoundTrip(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("planner.ariadne");
        trained.save(f);
        TrainedPlanner back = TrainedPlanner.load(f);
        assertEquals(trained.manifest(), back.manifest());
        assertEquals(trained.weights(), back.weights());
        PathPlanner a = PathPlanner.builder().encoder(ENCODER).model(trained).build();
        PathPlanner b = PathPlanner.builder().encoder(ENCODER).modelFile(f).build();
        for (TrainingExample ex : test.subList(0, 10)) {
            PlanningRequest r = new PlanningRequest(ex.question(), ex.topic(), ex.topicMention(), 5, 3);
            assertEquals(a.plan(r, WORLD.graph), b.plan(r, WORLD.graph));
        }
        // a flipped byte in the weights is caught by the checksum
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length - 5] ^= 0x10;
        Path bad = dir.resolve("bad.ariadne");
        Files.write(bad, bytes);
        ModelException e = assertThrows(ModelException.class, () -> TrainedPlanner.load(bad));
        assertTrue(e.getMessage().contains("sha256"), e.getMessage());
        Path notOne = dir.resolve("x.bin");
        Files.writeString(notOne, "hello");
        assertThrows(ModelException.class, () -> TrainedPlanner.load(notOne));
    }

    @Test
    void plansOverRelationTypesTrainingNeverMetAndMarksThem() {
        List<Triple> t = new ArrayList<>();
        t.add(new Triple("Film A", "directed_by", "Ada Quill"));
        t.add(new Triple("Film A", "produced_by", "Max Vale"));
        InMemoryGraph grown = InMemoryGraph.of(t);
        assertFalse(trained.manifest().relationVocabulary().contains("produced_by"));
        // a graph with a type training never met builds and plans: nothing is refused
        PathPlanner planner = PathPlanner.builder().encoder(ENCODER).model(trained)
                .graphRelationTypes(grown.relationCounts().keySet()).build();
        List<Plan> plans = planner.plan(new PlanningRequest("who produced [Film A]", Entity.named("Film A"), "Film A", 3, 1), grown);
        Plan produced = plans.stream().filter(p -> p.path().equals(RelationPath.of(DirectedRelation.forward("produced_by"))))
                .findFirst().orElseThrow(() -> new AssertionError("no produced_by plan in " + plans));
        assertEquals(Set.of("produced_by"), produced.untrainedRelations());
        Plan directed = plans.stream().filter(p -> p.path().equals(RelationPath.of(DirectedRelation.forward("directed_by"))))
                .findFirst().orElseThrow(() -> new AssertionError("no directed_by plan in " + plans));
        assertEquals(Set.of(), directed.untrainedRelations());
        // the wording carries the new relation: the question about producing plans through it
        assertEquals(produced.path(), plans.get(0).path(), "plans " + plans);
        List<Plan> asDirector = planner.plan(new PlanningRequest("who directed [Film A]", Entity.named("Film A"), "Film A", 3, 1), grown);
        assertEquals(directed.path(), asDirector.get(0).path(), "plans " + asDirector);
    }

    @Test
    void aQuestionWithNoWordFromTrainingGetsNoConfidence() {
        PathPlanner planner = PathPlanner.builder().encoder(ENCODER).model(trained).build();
        assertFalse(trained.manifest().questionVocabulary().isEmpty());
        TrainingExample ex = test.get(0);
        PlanningRequest readable = new PlanningRequest(ex.question(), ex.topic(), ex.topicMention(), 3, 3);
        assertEquals(1.0, planner.readability(readable));
        assertTrue(planner.plan(readable, WORLD.graph).get(0).probability() > 0.2);
        PlanningRequest foreign = new PlanningRequest("[" + ex.topicMention() + "] 的导演是谁", ex.topic(), ex.topicMention(), 3, 3);
        assertEquals(0.0, planner.readability(foreign));
        List<Plan> plans = planner.plan(foreign, WORLD.graph);
        assertFalse(plans.isEmpty(), "still planned: the caller decides whether to abstain");
        assertEquals(0.0, plans.get(0).probability());
        PlanningRequest half = new PlanningRequest("qwzx vbnm " + ex.question(), ex.topic(), ex.topicMention(), 3, 3);
        assertTrue(planner.readability(half) > 0.5 && planner.readability(half) <= 1.0, "" + planner.readability(half));
        assertEquals(1.0, PathPlanner.builder().encoder(ENCODER).build().readability(foreign), "zero-shot cannot tell");
    }

    @Test
    void refusesAnotherEncoder() {
        assertThrows(ModelException.class, () -> PathPlanner.builder().encoder(new HashingEncoder(64)).model(trained).build());
    }

    @Test
    void weakSupervisionFindsPathsFromAnswers() {
        List<TrainingExample> weak = WORLD.examples(6, false, 5);
        CandidatePaths c = new CandidatePaths(WORLD.graph, WORLD.graph, OPTIONS);
        List<TrainingExample> gold = WORLD.examples(6, true, 5);
        int agree = 0;
        for (int i = 0; i < weak.size(); i++) {
            List<RelationPath> pos = c.positives(weak.get(i));
            assertFalse(pos.isEmpty(), weak.get(i).question());
            // best answer-F1 first, then shortest: the gold path is among them whenever it is shortest-perfect
            if (pos.contains(gold.get(i).goldPath())) {
                agree++;
            }
        }
        assertTrue(agree >= weak.size() * 0.7, agree + " of " + weak.size());
        TrainedPlanner fromWeak = PlannerTrainer.train(weak, WORLD.graph, WORLD.graph, ENCODER,
                TrainingOptions.builder().seed(1).epochs(3).minSteps(0).threads(2).hopRank(4).build());
        assertTrue(fromWeak.manifest().trainingExamples() > 0);
    }

    @Test
    void candidatesHoldHardNegatives() {
        CandidatePaths c = new CandidatePaths(WORLD.graph, WORLD.graph, OPTIONS);
        RelationPath gold = RelationPath.parse("~directed_by,written_by");
        List<RelationPath> cands = c.candidates(Entity.named("Ada Quill"), List.of(gold), new java.util.SplittableRandom(1));
        assertEquals(gold, cands.get(0));
        Set<RelationPath> set = Set.copyOf(cands);
        assertTrue(set.contains(RelationPath.parse("~directed_by")), "one hop less");
        assertTrue(set.stream().anyMatch(p -> p.length() == 3 && p.prefix(2).equals(gold)), "one hop more");
        assertTrue(set.contains(RelationPath.parse("~directed_by,starred_actors")), "sibling");
        assertEquals(List.of(RelationPath.parse("written_by,~directed_by")), CandidatePaths.swaps(gold));
        for (RelationPath p : cands) {
            assertTrue(c.valid(Entity.named("Ada Quill"), p), p.format());
        }
    }

    @Test
    void composesInnerQuestionsIntoOuterOnesAtTheTopicMask() {
        // inner: "who directed [Film]" answers a director; outer: a question whose topic is that director
        List<TrainingExample> ex = new ArrayList<>();
        String film = WORLD.films.get(0);
        Set<String> directors = WORLD.answers(film, RelationPath.parse("directed_by"));
        String director = directors.iterator().next();
        ex.add(new TrainingExample("who directed [" + film + "]", Entity.named(film), film, directors,
                RelationPath.parse("directed_by")));
        RelationPath outerPath = RelationPath.parse("~directed_by,written_by");
        ex.add(new TrainingExample("who wrote the films directed by [" + director + "]", Entity.named(director), director,
                WORLD.answers(director, outerPath), outerPath));
        List<List<RelationPath>> pos = List.of(List.of(ex.get(0).goldPath()), List.of(outerPath));
        List<TrainingExample> synth = PlannerTrainer.compose(ex, pos, new boolean[2], 3, 3, 1.0, 5);
        assertEquals(1, synth.size(), "only inner 0 into outer 1 fits (answers contain the topic, at most 3 hops)");
        TrainingExample c = synth.get(0);
        assertEquals("who wrote the films directed by who directed [" + film + "]", c.question());
        assertEquals("who wrote the films directed by who directed X", c.maskedQuestion());
        assertEquals(Entity.named(film), c.topic());
        assertEquals(RelationPath.parse("directed_by,~directed_by,written_by"), c.goldPath());
        assertTrue(PlannerTrainer.compose(ex, pos, new boolean[2], 2, 2, 1.0, 5).isEmpty(), "longer than maxHops");
        assertTrue(PlannerTrainer.compose(ex, pos, new boolean[2], 4, 4, 1.0, 5).isEmpty(), "shorter than minHops");
        assertTrue(PlannerTrainer.compose(ex, pos, new boolean[] {true, false}, 3, 3, 1.0, 5).isEmpty(),
                "validation questions are never composed");
        assertTrue(PlannerTrainer.compose(ex, pos, new boolean[2], 3, 3, 0.0, 5).isEmpty(), "rate 0: off");
        assertEquals(OPTIONS.compositionRate(), trained.manifest().hyperparameters().compositionRate());
    }

    @Test
    void refusesAnOlderFileFormat(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("planner.ariadne");
        trained.save(f);
        byte[] bytes = Files.readAllBytes(f);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"formatVersion\"\\s*:\\s*(\\d)").matcher(text);
        assertTrue(m.find() && m.group(1).equals(String.valueOf(PlannerManifest.FORMAT_VERSION)), "manifest holds the format version");
        bytes[m.start(1)] = (byte) ('0' + PlannerManifest.FORMAT_VERSION - 1);
        Path old = dir.resolve("old.ariadne");
        Files.write(old, bytes);
        ModelException e = assertThrows(ModelException.class, () -> TrainedPlanner.load(old));
        assertTrue(e.getMessage().contains("format " + (PlannerManifest.FORMAT_VERSION - 1)) && e.getMessage().contains("retrain"),
                e.getMessage());
    }
}
