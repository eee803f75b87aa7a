/**
 * Training data from the graph alone: relation paths sampled from the graph ({@link PathSampler}), worded
 * as questions by a small grammar ({@link QuestionGrammar}) from phrases derived from the relation type names
 * ({@link RelationPhrases}, editable as a JSON file), optionally reworded by a language model at training
 * time, and written where a person can read them ({@link SyntheticQuestionFile}). {@link GraphQuestions}
 * ties them together. Nothing about any dataset is built in: every phrase comes from a type name or the
 * user's phrase file.
 */
package dev.ariadne.models.training.synthetic;
