package com.adfops.agent;

import com.adfops.runs.KnownNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Typos in command words are corrected within a bound; names and English words are never turned into commands. */
class CommandWordsTest {

    static String correct(String t) {
        return CommandWords.correct(t, IntentParser.VOCABULARY, KnownNames.NONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "whats failng right now | whats failing right now",
        "diagnoze pl_x | diagnose pl_x",
        "stauts of pl_x | status of pl_x",
        "why did it fial | why did it fail",
        "wich pipelines failed | which pipelines failed",
        "is it still runing? | is it still running?",
        "what failed yesterady, and why | what failed yesterday, and why",
        "yesterady's failures | yesterday's failures",
        "troubleshot pl_x | troubleshoot pl_x",
        "is pl_x getting slwoer | is pl_x getting slower",
    })
    void correctsMisspeltCommandWords(String typed, String corrected) {
        assertThat(correct(typed.trim())).isEqualTo(corrected.trim());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // English words a letter away from a command word
        "why did the batch loader fail",
        "status of the lowest tier sync",
        "who filed this",
        "is the broker ok",
        "the expert review pipeline",
        // identifiers, quoted names and words too short to judge
        "status of pl_failng_rows",
        "why did 'stauts feed' fail",
        "why did `diagnoze` fail",
        "is sync-statsu ok",
        "why did fa1l fail",
        "why did abc fail",
    })
    void leavesOtherWordsAlone(String typed) {
        assertThat(correct(typed.trim())).isEqualTo(typed.trim());
    }

    @Test
    void aWordOfAPipelineNameIsThatNames() {
        KnownNames names = KnownNames.of(List.of("Stauts_Feed", "ingest-failng-records"), List.of());
        assertThat(CommandWords.correct("status of stauts feed", IntentParser.VOCABULARY, names))
                .isEqualTo("status of stauts feed");
        assertThat(CommandWords.correct("why did ingest failng records fail", IntentParser.VOCABULARY, names))
                .isEqualTo("why did ingest failng records fail");
        // Without such a name, the same word is a typo.
        assertThat(correct("status of stauts feed")).isEqualTo("status of status feed");
    }

    @Test
    void namesAreReadOnlyWhenAWordMightBeATypo() {
        int[] reads = {0};
        KnownNames counting = KnownNames.lazy(() -> {
            reads[0]++;
            return List.of("pl_x");
        }, List::of);
        CommandWords.correct("why did pl_x fail yesterday", IntentParser.VOCABULARY, counting);
        assertThat(reads[0]).isZero();
        CommandWords.correct("why did pl_x fial", IntentParser.VOCABULARY, counting);
        assertThat(reads[0]).isEqualTo(1);
    }
}
