package dev.ariadne.core.link;

import dev.ariadne.core.graph.Entity;
import java.util.List;
import java.util.Optional;

/** Finds entities in the graph by key and name. Ambiguous names return every candidate. */
public interface EntityLookup {
    Optional<Entity> byKey(String key);

    /** Entities whose name equals {@code name}, exactly or ignoring case; sorted by key. */
    List<Entity> byName(String name, boolean ignoreCase);

    /** Full-text candidates for {@code text}, best score first, at most {@code limit}. */
    List<EntityCandidate> fuzzy(String text, int limit);
}
