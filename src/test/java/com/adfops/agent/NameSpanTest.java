package com.adfops.agent;

import com.adfops.runs.KnownNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pipeline named in plain words is looked for in the question's first words only: a pasted log of thousands of
 * words is not matched span by span against every pipeline (that took seconds of a turn's CPU with 3,000 pipelines).
 */
class NameSpanTest {

    static List<String> pipelines() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            names.add("pl_load_table_" + i);
        }
        names.add("cost_sync");
        return names;
    }

    static String filler(int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(" row").append(i % 7 == 0 ? " ok" : " x");
        }
        return sb.toString();
    }

    @Test
    void aNameInTheFirstWordsIsFound() {
        KnownNames known = KnownNames.of(pipelines(), List.of("df-prod"));
        NameSpan span = NameSpan.find("how is the cost sync doing" + filler(10), known, IntentParser.VOCABULARY);
        assertThat(span).isNotNull();
        assertThat(span.name()).isEqualTo("cost_sync");
    }

    @Test
    void aPastedLogIsNotScannedPastItsFirstWords() {
        KnownNames known = KnownNames.of(pipelines(), List.of("df-prod"));
        String log = "how is" + filler(NameSpan.MAX_SCANNED) + " the cost sync doing" + filler(3000);
        assertThat(NameSpan.find(log, known, IntentParser.VOCABULARY)).isNull();
    }
}
