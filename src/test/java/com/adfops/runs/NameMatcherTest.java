package com.adfops.runs;

import com.adfops.agent.AgentReply;
import com.adfops.agent.OfflineAgent;
import com.adfops.agent.Replies;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import com.adfops.diagnosis.GuidanceFinder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMatcherTest {

    static final List<String> NAMES = List.of("PL_Ingest_Sales_Orders", "pl-load-customer-dim", "Nightly Master",
            "copy_web_events", "copy_web_events_backfill", "finance_gl_export");

    @ParameterizedTest
    @CsvSource({
        "pl_ingest_sales_orders, PL_Ingest_Sales_Orders",
        "PL INGEST SALES ORDERS, PL_Ingest_Sales_Orders",
        "pl-ingest-sales-orders, PL_Ingest_Sales_Orders",
        "ingest sales orders, PL_Ingest_Sales_Orders",
        "pl_ingest_sales_ordres, PL_Ingest_Sales_Orders",
        "pl_load_customer_dim, pl-load-customer-dim",
        "load customer dim, pl-load-customer-dim",
        "the nightly master pipeline, Nightly Master",
        "nightly_master, Nightly Master",
        "copy_web_events, copy_web_events",
        "finanse gl export, finance_gl_export",
    })
    void findsTheMeantPipeline(String query, String expected) {
        assertThat(NameMatcher.match(query, NAMES).name()).contains(expected);
    }

    @Test
    void unknownNameOffersTheClosest() {
        NameMatcher.Match m = NameMatcher.match("customer_fact", NAMES);
        assertThat(m.name()).isEmpty();
        assertThat(m.closest()).hasSizeLessThanOrEqualTo(3).contains("pl-load-customer-dim");
    }

    @Test
    void ambiguousNameIsNotGuessed() {
        NameMatcher.Match m = NameMatcher.match("web events back", NAMES);
        assertThat(m.name()).contains("copy_web_events_backfill");
        NameMatcher.Match amb = NameMatcher.match("copy", NAMES);
        assertThat(amb.name()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PL_Copy_Sales_Daily | pl copy sales daily",
        "copy-gl-to-lake | copy gl to lake",
        "IngestCustomerDataV2 | ingest customer data v 2",
        "dim_product_load | dim product load",
        "XMLFeedLoader | xml feed loader",
        "load2Lake_v10 | load 2 lake v 10",
        "Sales Orders (EU) | sales orders eu",
    })
    void namesSplitIntoWords(String name, String words) {
        assertThat(String.join(" ", NameMatcher.words(name))).isEqualTo(words.trim());
    }

    /** A factory's names in real-world shapes, several sharing words. */
    static final List<String> DESCRIBED = List.of("PL_Copy_Sales_Daily", "PL_Copy_Sales_Hourly", "copy-gl-to-lake",
            "IngestCustomerDataV2", "IngestCustomerData", "dim_product_load", "nightly_gl_load", "GL_Load_Nightly_Backfill",
            "fact_sales_load");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // every word of one name, in any order
        "the copy sales daily pipeline | PL_Copy_Sales_Daily",
        "sales copy hourly | PL_Copy_Sales_Hourly",
        "the nightly GL load | nightly_gl_load",
        "gl load nightly backfill | GL_Load_Nightly_Backfill",
        "the product dim load | dim_product_load",
        "ingest customer data | IngestCustomerData",
        "ingest customer data v2 | IngestCustomerDataV2",
        "the gl to lake copy | copy-gl-to-lake",
        // the only name with all the words
        "the product load | dim_product_load",
        "the customer data v2 | IngestCustomerDataV2",
        "the customer data ingest v | IngestCustomerDataV2",
        "gl lake | copy-gl-to-lake",
        "fact sales | fact_sales_load",
        // prefixes and typos of words
        "the prod dim load | dim_product_load",
        "the nightly gl laod | nightly_gl_load",
    })
    void findsAPipelineByItsWords(String description, String expected) {
        NameMatcher.Match m = NameMatcher.match(description, DESCRIBED);
        assertThat(m.name()).as(description).contains(expected.trim());
        assertThat(m.ambiguous()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "the sales copy pipeline | PL_Copy_Sales_Daily, PL_Copy_Sales_Hourly",
        "gl load | nightly_gl_load, GL_Load_Nightly_Backfill",
        "the nightly load | nightly_gl_load, GL_Load_Nightly_Backfill",
        "sales | fact_sales_load, PL_Copy_Sales_Daily, PL_Copy_Sales_Hourly",
    })
    void twoNamesWithTheWordsAreNotGuessed(String description, String choices) {
        NameMatcher.Match m = NameMatcher.match(description, DESCRIBED);
        List<String> expected = java.util.Arrays.stream(choices.split(",")).map(String::trim).toList();
        assertThat(m.name()).as(description).isEmpty();
        assertThat(m.ambiguous()).isTrue();
        assertThat(m.closest()).containsExactlyElementsOf(expected);
    }

    @Test
    void somethingUnrelatedMatchesNothing() {
        assertThat(NameMatcher.match("kubernetes cluster", NAMES).name()).isEmpty();
    }

    /** The longest pipeline name Data Factory allows. */
    static final int ADF_LONGEST_NAME = 140;

    /** 2,000 pipelines named like a real factory's ("pl_ingest_sales_orders_0042", "copy_web_events_1999"). */
    static List<String> bigFactory() {
        String[] stems = {"pl_ingest_sales_orders_", "copy_web_events_", "Finance-GL_Export-", "load customer dim "};
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            names.add(stems[i % stems.length] + String.format("%04d", i));
        }
        return names;
    }

    @Test
    void aVeryLongNameInABigFactoryIsCutToTheLongestNameAndEachNameScoredOnce() {
        List<String> names = bigFactory();
        String query = "pl_ingest_sales_orders_x" + "abcdefghij".repeat(198);
        long before = NameMatcher.CELLS.sum();
        NameMatcher.Match m = NameMatcher.match(query, names);
        long cells = NameMatcher.CELLS.sum() - before;
        assertThat(m.name()).isEmpty();
        assertThat(m.closest()).hasSize(3).allMatch(n -> n.startsWith("pl_ingest_sales_orders_"));
        // At most five distances per name (with and without a "pl"/"pipeline" prefix), each at most the capped
        // query's length times the name's: the sort does not recompute them, and the 2,000 characters are not used.
        int longest = names.stream().mapToInt(String::length).max().orElseThrow();
        assertThat(cells).isLessThanOrEqualTo(5L * names.size() * ADF_LONGEST_NAME * longest);
    }

    @Test
    void aTypoInABigFactoryComputesOnlyTheCellsNearTheDiagonal() {
        List<String> names = bigFactory();
        long before = NameMatcher.CELLS.sum();
        // "evnets" for "events": one swap, within the allowed distance; every other name is either too long or too
        // short to be compared, or stops once it is beyond the allowed distance.
        assertThat(NameMatcher.match("copy_web_evnets_0041", names).name()).contains("copy_web_events_0041");
        long cells = NameMatcher.CELLS.sum() - before;
        int q = NameMatcher.normalize("copy_web_evnets_0041").length();
        int allowed = Math.max(1, q / 6);
        assertThat(cells).isLessThanOrEqualTo(5L * names.size() * q * (2L * allowed + 1));
    }

    @Test
    void theBoundedDistanceIsTheFullOneUpToItsBound() {
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 5000; n++) {
            String a = randomWord(random);
            String b = random.nextBoolean() ? randomWord(random) : mutate(a, random);
            int full = reference(a, b);
            int max = random.nextInt(6);
            assertThat(NameMatcher.distance(a, b, max)).as("%s / %s within %d", a, b, max)
                    .isEqualTo(Math.min(full, max + 1));
            assertThat(NameMatcher.distance(a, b, Math.max(a.length(), b.length()))).isEqualTo(full);
        }
    }

    private static String randomWord(java.util.Random random) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            sb.append((char) ('a' + random.nextInt(4)));
        }
        return sb.toString();
    }

    private static String mutate(String a, java.util.Random random) {
        StringBuilder sb = new StringBuilder(a);
        for (int k = random.nextInt(4); k > 0 && sb.length() > 1; k--) {
            int i = random.nextInt(sb.length() - 1);
            switch (random.nextInt(4)) {
                case 0 -> sb.deleteCharAt(i);
                case 1 -> sb.insert(i, 'd');
                case 2 -> sb.setCharAt(i, 'c');
                default -> {
                    char c = sb.charAt(i);
                    sb.setCharAt(i, sb.charAt(i + 1));
                    sb.setCharAt(i + 1, c);
                }
            }
        }
        return sb.toString();
    }

    /** The textbook optimal string alignment distance, over the whole table. */
    private static int reference(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    @Test
    void theAgentAnswersAVeryLongNameInABigFactoryWithTheClosestNames() {
        List<String> names = bigFactory();
        com.adfops.adf.FactoryRef factory = new com.adfops.adf.FactoryRef("sub", "rg", "df-big");
        com.adfops.adf.DataFactory adf = new com.adfops.adf.DataFactory() {
            public List<com.adfops.adf.FactoryRef> factories() {
                return List.of(factory);
            }

            public List<String> listPipelineNames(com.adfops.adf.FactoryRef f) {
                return names;
            }

            public List<com.adfops.adf.PipelineRun> queryPipelineRuns(com.adfops.adf.FactoryRef f,
                                                                      com.adfops.adf.RunQuery q) {
                return List.of();
            }

            public List<com.adfops.adf.ActivityRun> queryActivityRuns(com.adfops.adf.FactoryRef f,
                                                                     com.adfops.adf.PipelineRun r) {
                return List.of();
            }

            public java.util.Optional<com.adfops.adf.PipelineRun> getPipelineRun(com.adfops.adf.FactoryRef f, String id) {
                return java.util.Optional.empty();
            }
        };
        OfflineAgent agent = new OfflineAgent(new AdfTools(adf, java.time.Clock.systemUTC()),
                new com.adfops.state.InMemoryConversationStore(),
                new GuidanceFinder(com.adfops.docs.TestDocs.builtInOnly()), java.time.Duration.ofHours(12));
        String name = "pl_ingest_sales_orders_x" + "abcdefghij".repeat(198);
        long before = NameMatcher.CELLS.sum();
        AgentReply reply = agent.handle(new Turn("conv-long", "Dana", "status of " + name, java.util.Map.of(),
                java.time.ZoneId.of("UTC")));
        long cells = NameMatcher.CELLS.sum() - before;
        Reply.Suggestions s = Replies.part(reply, Reply.Suggestions.class);
        assertThat(s.message()).startsWith("I can't find a pipeline called pl_ingest_sales_orders_x").contains("Did you mean");
        assertThat(s.questions()).hasSize(3);
        int longest = names.stream().mapToInt(String::length).max().orElseThrow();
        assertThat(cells).isLessThanOrEqualTo(5L * names.size() * ADF_LONGEST_NAME * longest);
    }
}
