package com.adfops.actions;

import com.adfops.answers.ActionRefusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may rerun or cancel runs. On the embedded simulated factory anyone may (it is local); on a real factory nobody
 * may unless {@code ADFOPS_ACTIONS_ALLOWED} names them: entries {@code [factory:]objectId[=Display name]}, where the
 * object id is a user's or a group's (a group's members are the static list {@code ADFOPS_ACTIONS_GROUPS},
 * {@code groupId=memberId memberId ...}). Without a factory prefix an entry covers every factory. The clicking user's
 * object id is trusted because the bot then requires Bot Framework authentication (checked at start).
 */
public final class ActionPolicy {

    /** May this user act here? If not, {@code refusal} says why and who can (a face writes the words); else null. */
    public record Decision(boolean allowed, ActionRefusal refusal) {
        static Decision yes() {
            return new Decision(true, null);
        }

        static Decision no(ActionRefusal.Why why, String factory, Actor who, List<ActionRefusal.Principal> whoCan) {
            return new Decision(false, new ActionRefusal(why, factory, who.name(), whoCan));
        }
    }

    /** One allowed principal. */
    record Entry(String factory, String id, String label) {
    }

    private final boolean simulated;
    private final List<Entry> entries;
    private final Map<String, Set<String>> groups;

    /**
     * @param simulated true when the factory is the embedded simulated one (anyone may act, unless entries are given)
     * @param allowed   the entries of {@code ADFOPS_ACTIONS_ALLOWED}
     * @param groups    the entries of {@code ADFOPS_ACTIONS_GROUPS}
     */
    public ActionPolicy(boolean simulated, List<String> allowed, List<String> groups) {
        this.simulated = simulated;
        this.entries = parse(allowed);
        this.groups = parseGroups(groups);
    }

    /** Whether any principal is configured (then Bot Framework authentication is required). */
    public boolean configured() {
        return !entries.isEmpty();
    }

    public Decision check(String factory, Actor who) {
        if (entries.isEmpty()) {
            if (simulated) {
                return Decision.yes();
            }
            return Decision.no(ActionRefusal.Why.TURNED_OFF, factory, who, List.of());
        }
        List<Entry> here = entries.stream()
                .filter(e -> e.factory() == null || e.factory().equalsIgnoreCase(factory)).toList();
        if (who.objectId() != null) {
            for (Entry e : here) {
                if (e.id().equals(who.objectId()) || groups.getOrDefault(e.id(), Set.of()).contains(who.objectId())) {
                    return Decision.yes();
                }
            }
        }
        if (here.isEmpty()) {
            return Decision.no(ActionRefusal.Why.NOBODY_HERE, factory, who, List.of());
        }
        List<ActionRefusal.Principal> whoCan = new ArrayList<>();
        for (Entry e : here) {
            whoCan.add(new ActionRefusal.Principal(e.label(), e.id(), groups.containsKey(e.id())));
        }
        return Decision.no(who.objectId() == null ? ActionRefusal.Why.UNKNOWN_IDENTITY : ActionRefusal.Why.NOT_LISTED,
                factory, who, whoCan);
    }

    private static List<Entry> parse(List<String> allowed) {
        List<Entry> out = new ArrayList<>();
        for (String raw : allowed == null ? List.<String>of() : allowed) {
            for (String part : raw.split("[,;]")) {
                String s = part.trim();
                if (s.isEmpty()) {
                    continue;
                }
                String label = null;
                int eq = s.indexOf('=');
                if (eq >= 0) {
                    label = s.substring(eq + 1).trim();
                    s = s.substring(0, eq).trim();
                }
                String factory = null;
                int colon = s.indexOf(':');
                if (colon >= 0) {
                    factory = s.substring(0, colon).trim();
                    s = s.substring(colon + 1).trim();
                }
                if (!s.matches("[0-9A-Fa-f-]{8,64}") || (factory != null && factory.isEmpty())) {
                    throw new IllegalStateException("ADFOPS_ACTIONS_ALLOWED: '" + part.trim() + "' is not "
                            + "[factory:]objectId[=Display name] (an Entra object id of a user or group)");
                }
                out.add(new Entry(factory, s.toLowerCase(Locale.ROOT), label == null || label.isEmpty() ? null : label));
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, Set<String>> parseGroups(List<String> groups) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String raw : groups == null ? List.<String>of() : groups) {
            for (String part : raw.split("[,;]")) {
                String s = part.trim();
                if (s.isEmpty()) {
                    continue;
                }
                int eq = s.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException("ADFOPS_ACTIONS_GROUPS: '" + s + "' is not groupId=memberId memberId ...");
                }
                Set<String> members = new LinkedHashSet<>();
                for (String m : s.substring(eq + 1).trim().split("[\\s|]+")) {
                    if (!m.isBlank()) {
                        members.add(m.trim().toLowerCase(Locale.ROOT));
                    }
                }
                out.computeIfAbsent(s.substring(0, eq).trim().toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
                        .addAll(members);
            }
        }
        return out;
    }
}
