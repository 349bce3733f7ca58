package com.adfops.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adfops.TestSim;
import com.adfops.escalation.Escalations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract every {@link StateStore} keeps; each implementation's test extends it. */
abstract class StateStoreContract {

    /** A store; {@code second()} is another client on the same data (a second bot instance), where possible. */
    abstract StateStore store();

    StateStore second() {
        return store();
    }

    /** The run index's snapshots: binary documents of several MB, apart from the JSON ones, with the same versions. */
    @Test
    void binaryDocumentsOfSeveralMegabytesKeepTheVersionRule() {
        StateStore s = store();
        String key = "contract/snapshot-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        byte[] big = new byte[5 << 20];
        new java.util.Random(7).nextBytes(big);
        assertThat(s.readBytes(key)).isEmpty();
        assertThat(s.bytesVersion(key)).isEmpty();
        String v1 = s.writeBytes(key, big, null);
        assertThatThrownBy(() -> second().writeBytes(key, new byte[] {1}, null))
                .isInstanceOf(StateStore.ConflictException.class);
        StateStore.Binary read = second().readBytes(key).orElseThrow();
        assertThat(read.bytes()).isEqualTo(big);
        assertThat(read.version()).isEqualTo(v1);
        assertThat(second().bytesVersion(key)).contains(v1);

        byte[] next = big.clone();
        next[123] ^= 1;
        String v2 = second().writeBytes(key, next, v1);
        assertThat(v2).isNotEqualTo(v1);
        // The first instance lost the race: its write fails and the other's stays.
        assertThatThrownBy(() -> s.writeBytes(key, big, v1)).isInstanceOf(StateStore.ConflictException.class);
        assertThat(s.readBytes(key).orElseThrow().bytes()).isEqualTo(next);
        assertThat(s.bytesVersion(key)).contains(v2);
        // Apart from the JSON documents.
        assertThat(s.read(key)).isEmpty();
        assertThat(s.keys("contract")).doesNotContain(key);
    }

    @Test
    void readMissingIsEmpty() {
        assertThat(store().read("contract/missing")).isEmpty();
    }

    @Test
    void createReadUpdateDelete() {
        StateStore s = store();
        String v1 = s.write("contract/doc", "{\"n\":1}", null);
        assertThat(s.read("contract/doc")).hasValueSatisfying(v -> {
            assertThat(v.json()).isEqualTo("{\"n\":1}");
            assertThat(v.version()).isEqualTo(v1);
        });
        String v2 = s.write("contract/doc", "{\"n\":2}", v1);
        assertThat(v2).isNotEqualTo(v1);
        assertThat(s.read("contract/doc").orElseThrow().json()).isEqualTo("{\"n\":2}");
        s.delete("contract/doc");
        assertThat(s.read("contract/doc")).isEmpty();
        s.delete("contract/doc");
    }

    @Test
    void staleVersionsAndDoubleCreatesConflict() {
        StateStore s = store();
        String v1 = s.write("contract/race", "{}", null);
        assertThatThrownBy(() -> s.write("contract/race", "{}", null)).isInstanceOf(StateStore.ConflictException.class);
        s.write("contract/race", "{\"a\":1}", v1);
        assertThatThrownBy(() -> second().write("contract/race", "{\"b\":1}", v1))
                .isInstanceOf(StateStore.ConflictException.class);
        assertThatThrownBy(() -> s.write("contract/never-created", "{}", "some-version"))
                .isInstanceOf(StateStore.ConflictException.class);
    }

    @Test
    void concurrentUpdatesFromTwoClientsLoseNothing() throws Exception {
        JsonDocuments a = new JsonDocuments(store(), TestSim.JSON);
        JsonDocuments b = new JsonDocuments(second(), TestSim.JSON);
        int perClient = 10;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < perClient; i++) {
                for (JsonDocuments d : List.of(a, b)) {
                    all.add(pool.submit(() -> d.update("contract/counter", Map.class, m -> {
                        int n = m == null ? 0 : ((Number) m.get("n")).intValue();
                        return Map.of("n", n + 1);
                    })));
                }
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(a.get("contract/counter", Map.class).orElseThrow().get("n")).isEqualTo(2 * perClient);
    }

    @Test
    void anEscalationIsCreatedOnceEvenWhenTwoInstancesRace() throws Exception {
        Escalations one = new Escalations(new JsonDocuments(store(), TestSim.JSON));
        Escalations two = new Escalations(new JsonDocuments(second(), TestSim.JSON));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Escalations.Result> a = () -> {
                go.await();
                return one.escalate(new Escalations.Escalation("f", "run-42", "p", "Dana", Instant.now(), null));
            };
            Callable<Escalations.Result> b = () -> {
                go.await();
                return two.escalate(new Escalations.Escalation("f", "run-42", "p", "Sam", Instant.now(), null));
            };
            Future<Escalations.Result> fa = pool.submit(a);
            Future<Escalations.Result> fb = pool.submit(b);
            go.countDown();
            Escalations.Result ra = fa.get();
            Escalations.Result rb = fb.get();
            assertThat(ra.created() ^ rb.created()).as("exactly one instance created it").isTrue();
            assertThat(ra.escalation().escalatedBy()).isEqualTo(rb.escalation().escalatedBy());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void unsafeKeysAreRefused() {
        assertThatThrownBy(() -> store().read("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(StateKeys.of("conversations", "19:abc@thread.tacv2;messageid=1/../x")).matches("conversations/[A-Za-z0-9_-]+");
    }

    /**
     * Any conversation id can be stored: up to Teams' longest and far past it (ids of 188-600 characters could not be
     * saved in files), with newlines, slashes and emoji; two ids that differ only at their end stay two documents.
     */
    @Test
    void anyIdBecomesAKeyThisStoreCanSave() {
        String base = "19:" + "a".repeat(180) + "@thread.tacv2;messageid=";
        java.util.List<String> ids = java.util.List.of("a:1", base + "1", base + "2", "x".repeat(600),
                "x".repeat(599) + "y", "a:line\nbreak\r\u0000" + "\n".repeat(300), "19:😀/../" + "é".repeat(400));
        for (String id : ids) {
            String key = StateKeys.of("conversations", id);
            assertThat(key.length()).isLessThanOrEqualTo("conversations/".length() + StateKeys.MAX_SEGMENT);
            store().write(key, "{\"id\":" + ids.indexOf(id) + "}", null);
        }
        for (String id : ids) {
            assertThat(store().read(StateKeys.of("conversations", id))).get().extracting(StateStore.Versioned::json)
                    .isEqualTo("{\"id\":" + ids.indexOf(id) + "}");
        }
    }

    /**
     * Retention: contexts unchanged since before the cut are deleted (one document per conversation used to stay
     * forever), newer ones and other folders' documents stay; {@code keys} lists one folder only.
     */
    @Test
    void conversationsQuietPastTheRetentionAreForgotten() {
        JsonDocuments docs = new JsonDocuments(store(), new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules());
        StoredConversationStore conversations = new StoredConversationStore(docs);
        java.time.Instant now = java.time.Instant.parse("2026-12-05T12:00:00Z");
        String tag = java.util.UUID.randomUUID().toString();
        for (int days : new int[] {1, 29, 31, 90}) {
            ConversationContext c = new ConversationContext();
            c.setFocus(new ConversationContext.RunRef("df", "pl_" + days, "run-" + days));
            c.setUpdated(now.minus(java.time.Duration.ofDays(days)));
            conversations.save("a:" + tag + "-" + days, c);
        }
        docs.put(StateKeys.of("installations", "a:" + tag + "-90"), java.util.Map.of("kept", true));
        store().write("conversations/" + StateKeys.of("nested", "x").replace('/', '_') + "x", "{}", null);

        int forgotten = conversations.forgetQuietSince(now.minus(java.time.Duration.ofDays(30)));

        assertThat(forgotten).isGreaterThanOrEqualTo(3);
        assertThat(conversations.load("a:" + tag + "-1").getFocus()).isNotNull();
        assertThat(conversations.load("a:" + tag + "-29").getFocus()).isNotNull();
        assertThat(conversations.load("a:" + tag + "-31").getFocus()).isNull();
        assertThat(conversations.load("a:" + tag + "-90").getFocus()).isNull();
        assertThat(store().read(StateKeys.of("installations", "a:" + tag + "-90"))).isPresent();
        assertThat(store().keys("conversations")).allMatch(k -> k.startsWith("conversations/")
                && k.indexOf('/', "conversations/".length()) < 0);
    }
}
