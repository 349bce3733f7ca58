package com.adfops.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expander's semantics, case by case, each checked against the official npm engine. */
class CardTemplateEngineTest {

    static final String TEMPLATE = """
            {"type":"AdaptiveCard","version":"1.5","body":[
              {"type":"TextBlock","text":"${title}","n":"${num}","b":"${flag}","o":"${obj}","nul":"${nothing}",
               "miss":"${missing}","mix":"A ${num} B ${title} ${fl}","deep":"${nested.a.b}","idx":"${arr[1]}"},
              {"type":"TextBlock","$when":"${count(items) > 1}","text":"many"},
              {"type":"TextBlock","$when":"${showX}","text":"hidden"},
              {"type":"TextBlock","$when":"${missingFlag}","text":"missing when"},
              {"type":"Container","items":[{"type":"TextBlock","$data":"${items}","text":"${name} ${$index} ${$root.title} ${parent}"}]},
              {"type":"TextBlock","$data":"${obj}","text":"obj ${k}"},
              {"type":"TextBlock","$when":"${!empty(nothing)}","text":"notempty"},
              {"type":"TextBlock","$when":"${empty(emptyArr) && exists(title)}","text":"empty arr"},
              {"type":"TextBlock","text":"${if(flag, 'yes', 'no')} ${not(flag)} ${length(title)}"},
              {"type":"TextBlock","text":"${esc}"},
              {"type":"TextBlock","text":"${num == 3}","t2":"${title != 'Hello'}","t3":"${num >= 3 || false}"},
              {"type":"TextBlock","text":"${emptystr}","x":"${zero}","y":"${neg}","f":"${fl}"},
              {"type":"TextBlock","text":"${unknownFn(title)} and ${title"}
            ]}""";

    @Test
    void matchesTheNpmEngineOnEveryConstructWeUse() throws Exception {
        JsonNode tpl = TestSim.JSON.readTree(TEMPLATE);
        ObjectNode data = TestSim.JSON.valueToTree(Map.of("title", "Hello", "num", 3, "flag", true,
                "obj", Map.of("k", "v"), "items", java.util.List.of(Map.of("name", "a"), Map.of("name", "b")),
                "showX", false, "esc", "${title} \"q\" <at>x</at>", "nested", Map.of("a", Map.of("b", "deep")),
                "arr", java.util.List.of("x", "y"), "emptystr", ""));
        data.putNull("nothing");
        data.put("zero", 0);
        data.put("neg", -1.5);
        data.put("fl", 2.25);
        data.putArray("emptyArr");

        ArrayNode batch = TestSim.JSON.createArrayNode();
        batch.addObject().put("name", "t").<ObjectNode>set("template", tpl).set("data", data);
        JsonNode npm = NodeCardCheck.run(batch).get("t").expanded();
        JsonNode ours = new CardTemplateEngine().expand(tpl, data);
        assertThat(ours).isEqualTo(npm);
        // And the semantics we rely on, spelled out:
        assertThat(ours.at("/body/0/n").isNumber()).isTrue();
        assertThat(ours.at("/body/0/miss").asText()).isEqualTo("${missing}");
        assertThat(ours.at("/body/0/mix").asText()).isEqualTo("A 3 B Hello 2.25");
        assertThat(ours.get("body").toString()).doesNotContain("hidden").doesNotContain("missing when");
        assertThat(ours.toString()).contains("a 0 Hello ${parent}", "b 1 Hello ${parent}");
    }
}
