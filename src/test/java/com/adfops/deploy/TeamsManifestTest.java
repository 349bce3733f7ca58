package com.adfops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.adfops.TestSim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Teams app package: built by {@code teams-manifest/package.js}, validated against the official manifest
 * schema (from npm {@code @microsoft/app-manifest}), icons at the sizes Teams requires.
 */
class TeamsManifestTest {

    static final String BOT_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    record Run(int exit, String output) {
    }

    static Run packageApp(Path manifestDir, Path out, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "teams-manifest/package.js", "--manifest-dir",
                manifestDir.toAbsolutePath().toString(), "--out", out.toAbsolutePath().toString())
                .redirectErrorStream(true);
        pb.environment().remove("MicrosoftAppId");
        pb.environment().remove("MICROSOFT_APP_ID");
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }

    @Test
    void buildsAValidPackageWithTheBotIdFilledIn(@TempDir Path tmp) throws Exception {
        Path zip = tmp.resolve("app.zip");
        Run run = packageApp(Path.of("teams-manifest"), zip,
                Map.of("BOT_ID", BOT_ID, "BOT_DOMAIN", "adfops-test.azurewebsites.net"));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("schema v1.24");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<String> names = new ArrayList<>();
            z.entries().asIterator().forEachRemaining(e -> names.add(e.getName()));
            assertThat(names).containsExactlyInAnyOrder("manifest.json", "color.png", "outline.png");
            JsonNode m = TestSim.JSON.readTree(z.getInputStream(z.getEntry("manifest.json")));
            assertThat(m.get("id").asText()).isEqualTo(BOT_ID);
            assertThat(m.at("/bots/0/botId").asText()).isEqualTo(BOT_ID);
            assertThat(m.at("/bots/0/scopes").toString()).contains("personal", "team", "groupChat");
            assertThat(m.at("/validDomains/0").asText()).isEqualTo("adfops-test.azurewebsites.net");
            assertThat(m.toString()).doesNotContain("{{");
            var color = ImageIO.read(z.getInputStream(z.getEntry("color.png")));
            var outline = ImageIO.read(z.getInputStream(z.getEntry("outline.png")));
            assertThat(color.getWidth()).isEqualTo(192);
            assertThat(color.getHeight()).isEqualTo(192);
            assertThat(outline.getWidth()).isEqualTo(32);
            assertThat(outline.getHeight()).isEqualTo(32);
            // Outline: white on transparent.
            assertThat(outline.getColorModel().hasAlpha()).isTrue();
            assertThat(outline.getRGB(0, 0) >>> 24).isZero();
        }
    }

    @Test
    void refusesAMissingBotId(@TempDir Path tmp) throws Exception {
        Run run = packageApp(Path.of("teams-manifest"), tmp.resolve("x.zip"), Map.of("BOT_DOMAIN", "x.azurewebsites.net"));
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("BOT_ID");
    }

    @Test
    void schemaViolationsFailTheBuild(@TempDir Path tmp) throws Exception {
        for (String f : List.of("color.png", "outline.png")) {
            Files.copy(Path.of("teams-manifest", f), tmp.resolve(f));
        }
        ObjectNode m = (ObjectNode) TestSim.JSON.readTree(new File("teams-manifest/manifest.json"));
        m.remove("developer");
        ((ObjectNode) m.get("name")).put("short", "x".repeat(100));
        Files.writeString(tmp.resolve("manifest.json"), TestSim.JSON.writeValueAsString(m));
        Run run = packageApp(tmp, tmp.resolve("x.zip"), Map.of("BOT_ID", BOT_ID, "BOT_DOMAIN", "x.azurewebsites.net"));
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("does not match the Teams schema").contains("developer");
    }

    @Test
    void wrongIconSizeFailsTheBuild(@TempDir Path tmp) throws Exception {
        Files.copy(Path.of("teams-manifest", "manifest.json"), tmp.resolve("manifest.json"));
        Files.copy(Path.of("teams-manifest", "outline.png"), tmp.resolve("color.png"));
        Files.copy(Path.of("teams-manifest", "outline.png"), tmp.resolve("outline.png"));
        Run run = packageApp(tmp, tmp.resolve("x.zip"), Map.of("BOT_ID", BOT_ID, "BOT_DOMAIN", "x.azurewebsites.net"));
        assertThat(run.exit()).isNotZero();
        assertThat(run.output()).contains("192x192");
    }
}
