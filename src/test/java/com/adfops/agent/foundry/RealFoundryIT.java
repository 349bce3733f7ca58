package com.adfops.agent.foundry;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.agent.Agent;
import com.adfops.agent.AgentReply;
import com.adfops.agent.Reply;
import com.adfops.agent.Turn;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Against a real Azure AI Foundry project: runs only when AZURE_AI_PROJECT_ENDPOINT and
 * AZURE_AI_MODEL_DEPLOYMENT_NAME are set (and a credential is available). Asserts tool calls, not model prose.
 */
@EnabledIfEnvironmentVariable(named = "AZURE_AI_PROJECT_ENDPOINT", matches = ".+")
@EnabledIfEnvironmentVariable(named = "AZURE_AI_MODEL_DEPLOYMENT_NAME", matches = ".+")
@SpringBootTest(properties = "adfops.foundry.agent-name=adfops-bot-it")
class RealFoundryIT {

    @Autowired
    Agent agent;

    @Test
    void whatIsFailingCallsThePipelineRunsTool() {
        assertThat(agent).isInstanceOf(FoundryAgent.class);
        AgentReply r = agent.handle(new Turn("a:real-it", "IT", "what pipelines are failing?", Map.of(), ZoneId.of("UTC")));
        Reply.ExpertDetails x = (Reply.ExpertDetails) r.parts().stream().filter(Reply.ExpertDetails.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(x.calls()).extracting(Reply.ToolCallInfo::name).contains("adf_pipeline_runs");
    }
}
