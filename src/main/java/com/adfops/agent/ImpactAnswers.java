package com.adfops.agent;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.diagnosis.Diagnosis;
import com.adfops.impact.FactoryImpact;
import com.adfops.impact.RunImpact;
import com.adfops.runs.AdfTools;
import com.adfops.runs.NameMatcher;
import com.adfops.state.ConversationContext.RunRef;
import java.util.Optional;

/**
 * What a failure reaches and what the self-hosted integration runtimes are up to: "what depends on X?", "is the
 * self-hosted IR ok?", and the "Affects:" line every diagnosis card of a failed run carries.
 */
record ImpactAnswers(AdfTools tools, FactoryImpact impact, AnswerKit kit) {

    /** What a diagnosed failure reaches (from the activity runs the diagnosis read) and the runtime it ran on. */
    RunImpact of(Diagnosis d) {
        return impact.failure(d);
    }

    /** "what depends on X?": the pipeline named, or the one in focus. */
    AgentReply dependants(Conversation.Session s, Intent.Dependants q) {
        String words = q.pipeline();
        String factory = q.factory();
        if (words == null) {
            RunRef focus = s.focusOrOnlyListed();
            if (focus == null) {
                return s.expired ? kit.expired() : AgentReply.of(new Reply.Suggestions("Which pipeline?",
                        "Tell me which pipeline, e.g. what depends on my_pipeline?", AnswerKit.examples()));
            }
            words = focus.pipeline();
            factory = factory == null ? focus.factory() : factory;
        }
        NameMatcher.Match m = NameMatcher.match(words, tools.allPipelineNames());
        if (m.name().isEmpty()) {
            return kit.unknownPipeline(words, m.closest(), "What depends on %s?");
        }
        String pipeline = m.name().get();
        String asked = factory;
        FactoryRef f = impact.factoryOf(pipeline, asked).or(() -> tools.factories().stream()
                .filter(x -> asked == null || x.factoryName().equalsIgnoreCase(asked)).findFirst())
                .orElse(tools.factories().get(0));
        return AgentReply.of(new Reply.DependantsCard(f.factoryName(), impact.dependants(f, pipeline)));
    }

    /** "is the self-hosted IR ok?", "is shir-prod ok?": every self-hosted runtime, or the one named. */
    AgentReply runtimes(String runtime) {
        return AgentReply.of(new Reply.RuntimeHealth(impact.runtimes(runtime)));
    }

    /** Whether words name a self-hosted runtime rather than a pipeline ("is shir-prod ok?"). */
    boolean namesRuntime(String words) {
        if (words == null || words.isBlank()) {
            return false;
        }
        Optional<String> pipeline = NameMatcher.match(words, tools.allPipelineNames()).name();
        try {
            return pipeline.map(p -> !p.equalsIgnoreCase(words.trim())).orElse(true) && impact.isRuntime(words);
        } catch (DataFactoryException e) {
            // The definitions cannot be read now: the words are a pipeline's, as before.
            return false;
        }
    }
}
