package com.adfops.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.adf.ActivityRun;
import com.adfops.adf.DataFactory;
import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryDefinitions;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.adf.RunQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The definitions cache: read in the background, served at once, the last good copy kept when a read fails. */
class DefinitionsCacheTest {

    static final FactoryRef F = new FactoryRef("s", "g", "f");
    static final Instant T1 = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-26T10:05:00Z");

    /** A factory whose definitions reads answer what the test says. */
    static final class Source implements DataFactory, AutoCloseable {
        final AtomicReference<Instant> next = new AtomicReference<>(T1);
        final AtomicReference<RuntimeException> fail = new AtomicReference<>();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public FactoryDefinitions readDefinitions(FactoryRef factory) {
            reads.incrementAndGet();
            if (fail.get() != null) {
                throw fail.get();
            }
            return new FactoryDefinitions(factory, next.get(),
                    List.of(new FactoryDefinitions.Pipeline("pl_" + next.get().getEpochSecond(), List.of(), List.of(), null, 0)),
                    List.of(), List.of(), List.of(), List.of());
        }

        @Override
        public List<FactoryDefinitions.TriggerRun> queryTriggerRuns(FactoryRef factory, Instant from, Instant to) {
            return List.of(new FactoryDefinitions.TriggerRun("tr1", "tr_nightly", from, FactoryDefinitions.TriggerRunStatus.SUCCEEDED,
                    null, java.util.Map.of()));
        }

        @Override
        public List<FactoryRef> factories() {
            return List.of(F);
        }

        @Override
        public List<String> listPipelineNames(FactoryRef factory) {
            return List.of("x");
        }

        @Override
        public List<PipelineRun> queryPipelineRuns(FactoryRef factory, RunQuery query) {
            return List.of();
        }

        @Override
        public List<ActivityRun> queryActivityRuns(FactoryRef factory, PipelineRun run) {
            return List.of();
        }

        @Override
        public Optional<PipelineRun> getPipelineRun(FactoryRef factory, String runId) {
            return Optional.empty();
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void beforeTheFirstReadAQuestionGetsNothingAtOnce() {
        Source source = new Source();
        DefinitionsCache cache = new DefinitionsCache(source, Duration.ofMinutes(5));
        FactoryDefinitions none = cache.readDefinitions(F);
        assertThat(none.pipelines()).isEmpty();
        assertThat(none.readAt()).isNull();
        assertThat(cache.readAt(F)).isEmpty();
        assertThat(source.reads).hasValue(0);
    }

    @Test
    void servesTheLatestCopyAndKeepsTheLastGoodOneWhenAReadFails() {
        Source source = new Source();
        DefinitionsCache cache = new DefinitionsCache(source, Duration.ofMinutes(5));
        assertThat(cache.refresh(F)).isTrue();
        assertThat(cache.readDefinitions(F).readAt()).isEqualTo(T1);
        assertThat(cache.readAt(F)).contains(T1);

        source.fail.set(new DataFactoryException(DataFactoryException.Kind.THROTTLED, "f", "Azure is throttling.", null));
        source.next.set(T2);
        assertThat(cache.refresh(F)).isFalse();
        assertThat(cache.readDefinitions(F).readAt()).isEqualTo(T1);
        assertThat(cache.readDefinitions(F).pipelines()).extracting(FactoryDefinitions.Pipeline::name)
                .containsExactly("pl_" + T1.getEpochSecond());
        assertThat(cache.failure(F)).get().extracting(DataFactoryException::kind).isEqualTo(DataFactoryException.Kind.THROTTLED);

        source.fail.set(new IllegalStateException("raw text from somewhere"));
        // An unexpected failure is logged at ERROR with its stack trace: expected here, so captured (and checked).
        try (com.adfops.LogCapture log = com.adfops.LogCapture.of(DefinitionsCache.class)) {
            assertThat(cache.refresh(F)).isFalse();
            assertThat(log.errors()).hasSize(1);
        }
        assertThat(cache.failure(F)).get().extracting(Throwable::getMessage).asString().doesNotContain("raw text");

        source.fail.set(null);
        assertThat(cache.refresh(F)).isTrue();
        assertThat(cache.readAt(F)).contains(T2);
        assertThat(cache.failure(F)).isEmpty();
    }

    @Test
    void readsInTheBackgroundOnStartAndPassesEverythingElseThrough() throws Exception {
        Source source = new Source();
        DefinitionsCache cache = new DefinitionsCache(source, Duration.ofMinutes(5)).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (cache.readAt(F).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(cache.readAt(F)).contains(T1);
        assertThat(cache.queryTriggerRuns(F, T1, T2)).extracting(FactoryDefinitions.TriggerRun::trigger).containsExactly("tr_nightly");
        assertThat(cache.listPipelineNames(F)).containsExactly("x");
        assertThat(cache.factories()).containsExactly(F);
        cache.close();
        assertThat(source.closed).isTrue();
    }
}
