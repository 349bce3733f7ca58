package com.adfops.actions;

import com.adfops.state.JsonDocuments;
import com.adfops.state.StateKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Proposed actions in the state store. Confirming claims the action's id with a create-if-absent write before Data
 * Factory is called: of two clicks (two users, two instances, a retry after a timeout) exactly one wins. The runs
 * being followed are listed in one document, so another instance (or this one after a restart) carries on. Each
 * action is one flat document ({@link StoredAction}), read the same whichever version wrote it.
 */
public final class PendingActions {

    private static final String PREFIX = "actions";

    /** Who claimed an action, when. */
    public record Claim(String by, String byId, Instant at) {
    }

    /** The ids of the actions whose runs are being followed. */
    public record Following(List<String> ids) {
        public Following {
            ids = ids == null ? List.of() : List.copyOf(ids);
        }
    }

    private final JsonDocuments docs;

    public PendingActions(JsonDocuments docs) {
        this.docs = docs;
    }

    private static String key(String id) {
        return StateKeys.of(PREFIX, "pending/" + id);
    }

    void create(PendingAction a) {
        if (!docs.createIfAbsent(key(a.id()), StoredAction.of(a))) {
            throw new IllegalStateException("action id collision: " + a.id());
        }
    }

    public Optional<PendingAction> find(String id) {
        return docs.get(key(id), StoredAction.class).map(StoredAction::toAction);
    }

    PendingAction update(String id, UnaryOperator<PendingAction> change) {
        StoredAction after = docs.update(key(id), StoredAction.class,
                stored -> StoredAction.of(change.apply(stored == null ? null : stored.toAction())));
        return after.toAction();
    }

    /** Claims the action for {@code by}; false when someone (any instance) claimed it first. */
    boolean claim(String id, Actor by, Instant at) {
        return docs.createIfAbsent(StateKeys.of(PREFIX, "claims/" + id), new Claim(by.name(), by.objectId(), at));
    }

    /** Who claimed an action, if anyone has. */
    Optional<Claim> claimOf(String id) {
        return docs.get(StateKeys.of(PREFIX, "claims/" + id), Claim.class);
    }

    /** Claims posting the outcome of an action's run; false when it was posted (or is being posted) already. */
    boolean claimOutcome(String id, Instant at) {
        return docs.createIfAbsent(StateKeys.of(PREFIX, "outcomes/" + id), new Claim("outcome", null, at));
    }

    void follow(String id) {
        docs.update(StateKeys.of(PREFIX, "following"), Following.class, f -> {
            LinkedHashSet<String> ids = new LinkedHashSet<>(f == null ? List.of() : f.ids());
            ids.add(id);
            return new Following(new ArrayList<>(ids));
        });
    }

    void unfollow(String id) {
        docs.update(StateKeys.of(PREFIX, "following"), Following.class, f -> {
            List<String> ids = new ArrayList<>(f == null ? List.of() : f.ids());
            ids.remove(id);
            return new Following(ids);
        });
    }

    List<String> following() {
        return docs.get(StateKeys.of(PREFIX, "following"), Following.class).map(Following::ids).orElse(List.of());
    }
}
