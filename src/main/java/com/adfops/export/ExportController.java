package com.adfops.export;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.PipelineRun;
import com.adfops.runs.AdfTools;
import com.adfops.runs.TimeWindow;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/export?token=...}: the CSV a signed link asks for; 403 for a bad, expired or foreign token. */
@RestController
class ExportController {

    private static final Logger log = LoggerFactory.getLogger(ExportController.class);

    private final ExportSigner signer;
    private final AdfTools tools;

    ExportController(ExportSigner signer, AdfTools tools) {
        this.signer = signer;
        this.tools = tools;
    }

    @GetMapping(path = "/api/export")
    ResponseEntity<byte[]> export(@RequestParam(value = "token", required = false) String token) {
        ExportSigner.Request r;
        try {
            r = signer.check(token);
        } catch (ExportSigner.Refused e) {
            log.info("Refused an export link: {}", e.getMessage());
            return ResponseEntity.status(403).contentType(MediaType.TEXT_PLAIN)
                    .body("This export link is not valid (it may have expired). Ask the bot for a new one."
                            .getBytes(StandardCharsets.UTF_8));
        }
        try {
            AdfTools.RunsResult runs = tools.pipelineRuns(new AdfTools.RunsRequest(r.factory(), r.pipelines(), Set.of(),
                    new TimeWindow(r.from(), r.to(), "export")));
            List<PipelineRun> rows = runs.runs().stream().sorted(Comparator.comparing(PipelineRun::sortTime)).toList();
            String name = "adf-runs-" + r.from().toString().substring(0, 10) + "-to-" + r.to().toString().substring(0, 10) + ".csv";
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .body(RunsCsv.of(rows).getBytes(StandardCharsets.UTF_8));
        } catch (DataFactoryException e) {
            return ResponseEntity.status(503).contentType(MediaType.TEXT_PLAIN)
                    .body(("Data Factory could not answer: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
    }
}
