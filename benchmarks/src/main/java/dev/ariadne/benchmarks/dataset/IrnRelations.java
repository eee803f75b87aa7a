package dev.ariadne.benchmarks.dataset;

import dev.ariadne.core.graph.DirectedRelation;

/**
 * IRN datasets (PathQuestion, WorldCup2014) spell an inverse relation out as a separate type,
 * {@code plays_in_club_inverse}. Ariadne walks a stored relationship backwards instead, so
 * {@code r_inverse} is read as {@code ~r}: the graph keeps one relationship per fact and a gold path
 * written with {@code _inverse} compares equal to the plan that walks {@code r} backwards.
 */
public final class IrnRelations {
    public static final String INVERSE_SUFFIX = "_inverse";

    private IrnRelations() {
    }

    public static DirectedRelation toDirected(String relation) {
        if (relation.endsWith(INVERSE_SUFFIX) && relation.length() > INVERSE_SUFFIX.length()) {
            return DirectedRelation.backward(relation.substring(0, relation.length() - INVERSE_SUFFIX.length()));
        }
        return DirectedRelation.forward(relation);
    }
}
