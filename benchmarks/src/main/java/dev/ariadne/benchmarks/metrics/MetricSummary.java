package dev.ariadne.benchmarks.metrics;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The answer and plan metrics of a group of questions.
 *
 * <ul>
 *   <li>{@code byKey}, {@code byName}: means of {@link AnswerScores} over the questions.</li>
 *   <li>{@code pathAccuracy}: share of questions with a gold path whose top plan equals it (empty when none
 *       of them has a gold path); {@code withGoldPath} says how many had one.</li>
 *   <li>{@code invalidPlanRate}: plans that found no path in the graph / all plans chosen (empty when no plan
 *       was chosen).</li>
 *   <li>{@code emptyAnswerRate}: questions answered with nothing (failures included) / questions.</li>
 *   <li>{@code faithfulness}: returned answers backed by a retrieved path / returned answers (empty when
 *       nothing was returned). Ariadne only returns backed answers, so anything below 1 is a bug.</li>
 *   <li>{@code failed}: questions the engine threw on (scored as wrong and empty).</li>
 * </ul>
 */
public record MetricSummary(int questions, AnswerScores byKey, AnswerScores byName, OptionalDouble pathAccuracy,
                            int withGoldPath, OptionalDouble invalidPlanRate, long plans, double emptyAnswerRate,
                            OptionalDouble faithfulness, long answersReturned, int failed) {

    public static MetricSummary of(List<QuestionScore> scores) {
        int n = scores.size();
        int withGold = 0;
        int pathRight = 0;
        long plans = 0;
        long invalid = 0;
        int empty = 0;
        long returned = 0;
        long backed = 0;
        int failed = 0;
        for (QuestionScore s : scores) {
            if (s.pathCorrect().isPresent()) {
                withGold++;
                pathRight += s.pathCorrect().get() ? 1 : 0;
            }
            plans += s.plans();
            invalid += s.invalidPlans();
            empty += s.empty() ? 1 : 0;
            returned += s.returned();
            backed += s.backed();
            failed += s.failed() ? 1 : 0;
        }
        return new MetricSummary(n,
                AnswerScores.mean(scores.stream().map(QuestionScore::byKey).toList()),
                AnswerScores.mean(scores.stream().map(QuestionScore::byName).toList()),
                withGold == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) pathRight / withGold), withGold,
                plans == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) invalid / plans), plans,
                n == 0 ? 0 : (double) empty / n,
                returned == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) backed / returned), returned,
                failed);
    }
}
