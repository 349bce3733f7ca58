package com.adfops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.adfops.answers.CardVerb;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The card verbs are one list: every {@code action} value and {@code verb} a template in {@code resources/cards/<family>/}
 * sends is a {@link CardVerb}, and every {@link CardVerb} is sent by some template (none is unreachable).
 */
class CardVerbsTest {

    static final Path TEMPLATES = Path.of("src/main/resources/cards");

    @Test
    void everyVerbATemplateSendsIsHandledAndEveryHandledVerbIsSent() throws IOException {
        Set<String> sent = new TreeSet<>();
        // One folder per card family (resources/cards/<family>/*.json).
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TEMPLATES)) {
            files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            collect(TestSim.JSON.readTree(f.toFile()), sent);
        }
        assertThat(files).as("templates, one folder per family").allSatisfy(
                f -> assertThat(TEMPLATES.relativize(f).getNameCount()).as(f.toString()).isEqualTo(2));
        assertThat(sent).isNotEmpty();
        for (String verb : sent) {
            assertThat(CardVerb.of(verb)).as("template verb '" + verb + "' has a CardVerb").isPresent();
        }
        Set<CardVerb> reachable = EnumSet.noneOf(CardVerb.class);
        sent.forEach(v -> CardVerb.of(v).ifPresent(reachable::add));
        assertThat(reachable).as("every CardVerb is sent by a template").containsExactlyInAnyOrder(CardVerb.values());
    }

    @Test
    void wireNamesAreExactAndNothingElseMatches() {
        for (CardVerb v : CardVerb.values()) {
            assertThat(CardVerb.of(v.wire())).contains(v);
            assertThat(CardVerb.of(" " + v.wire().toUpperCase() + " ")).contains(v);
        }
        assertThat(Arrays.asList("status", "why", "follow_up", "clear_history", "", "re-run")).allSatisfy(
                x -> assertThat(CardVerb.of(x)).as(x).isEmpty());
        assertThat(CardVerb.of(42)).isEmpty();
        assertThat(CardVerb.of(null)).isEmpty();
    }

    /** Every "action" inside a "data" object and every Action.Execute "verb". */
    private static void collect(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            JsonNode data = node.get("data");
            if (data != null && data.isObject() && data.path("action").isTextual()) {
                out.add(data.get("action").asText());
            }
            if (node.path("verb").isTextual()) {
                out.add(node.get("verb").asText());
            }
            node.forEach(child -> collect(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        }
    }
}
