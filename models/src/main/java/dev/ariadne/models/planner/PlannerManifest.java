package dev.ariadne.models.planner;

import java.util.List;
import java.util.Objects;

/**
 * What a trained planner file says about itself: which encoder and verbaliser it was trained with,
 * on which data, with which seed and hyperparameters, how it scored on its validation split, and the
 * relation vocabulary of the graph it was trained on. Stored as JSON at the head of the file.
 *
 * @param baseModelId the encoder's {@code modelId()} at training time
 * @param hopRank rank of each per-hop, position-specific bilinear slot
 * @param baseModelSha256 the sha256 inside that id ({@code ...@sha256:HEX}), or "unknown"
 * @param trainingDataSha256 sha256 over the canonical form of the training examples
 * @param relationVocabulary the relation types training met (in gold or candidate paths), sorted: the planner
 *                           plans over every type of the graph it runs on, and marks plans using others as untrained
 * @param questionVocabulary the words of the training questions (as {@link QuestionWords} splits them), sorted:
 *                           what the planner has learned to read; a question none of whose words is here gets a
 *                           low confidence. Empty when unknown (then no question is judged unreadable).
 * @param temperature softmax temperature fitted on the validation split (probability calibration)
 * @param weightsSha256 sha256 of the weight section that follows the manifest, checked on load
 */
public record PlannerManifest(int formatVersion, String baseModelId, String baseModelSha256, int dimension,
                              int maxHops, int hopRank, int verbaliserVersion, String trainingDataSha256, int trainingExamples,
                              long seed, Hyperparameters hyperparameters, ValidationMetrics validation,
                              List<String> relationVocabulary, double temperature, String weightsSha256,
                              List<String> questionVocabulary) {
    /**
     * 2: adds the role attention block (see {@link PlannerWeights}) after the length head. 3: a third role
     * (middle hops) in the role attention block, and the synthetic composition rate the planner was
     * trained with in the hyperparameters. Older files are refused (retrain).
     */
    public static final int FORMAT_VERSION = 3;

    public PlannerManifest {
        Objects.requireNonNull(baseModelId, "baseModelId");
        relationVocabulary = List.copyOf(relationVocabulary);
        questionVocabulary = questionVocabulary == null ? List.of() : List.copyOf(questionVocabulary);
    }

    PlannerManifest withWeightsSha256(String sha) {
        return new PlannerManifest(formatVersion, baseModelId, baseModelSha256, dimension, maxHops, hopRank, verbaliserVersion,
                trainingDataSha256, trainingExamples, seed, hyperparameters, validation, relationVocabulary, temperature, sha, questionVocabulary);
    }

    /** The training settings, recorded so a run can be repeated. */
    public record Hyperparameters(int epochs, int batchSize, double learningRate, double l2, double initialScale,
                                  int maxCandidates, int exploreWidth, double validationFraction, int beamWidth,
                                  int hopRank, double questionNoise, int minSteps, double compositionRate) {
    }

    /**
     * Scores on the held-out validation part of the training data.
     *
     * @param pathAccuracy fraction whose top plan is a gold path
     * @param meanGoldProbability mean calibrated probability of the gold path(s)
     * @param negativeLogLikelihood mean -log P(gold) at the fitted temperature
     */
    public record ValidationMetrics(int examples, double pathAccuracy, double top3Accuracy, double meanGoldProbability,
                                    double negativeLogLikelihood) {
    }
}
