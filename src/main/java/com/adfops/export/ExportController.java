package com.adfops.export;

import com.adfops.adf.DataFactoryException;
import com.adfops.adf.FactoryRef;
import com.adfops.adf.PipelineRun;
import com.adfops.runs.AdfTools;
import com.adfops.runs.TimeWindow;
import com.adfops.schedule.ScheduleReport;
import com.adfops.schedule.Schedules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private final Schedules schedules;

    ExportController(ExportSigner signer, AdfTools tools, Schedules schedules) {
        this.signer = signer;
        this.tools = tools;
        this.schedules = schedules;
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
                    .body(RunsCsv.of(rows, schedule(runs.factories(), r)).getBytes(StandardCharsets.UTF_8));
        } catch (DataFactoryException e) {
            return ResponseEntity.status(503).contentType(MediaType.TEXT_PLAIN)
                    .body(("Data Factory could not answer: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The schedule check of the export's span in each of its factories (empty columns where it cannot be read). */
    private ScheduleColumns schedule(List<FactoryRef> factories, ExportSigner.Request r) {
        List<ScheduleReport> reports = new ArrayList<>();
        for (FactoryRef f : factories) {
            try {
                reports.add(schedules.check(f, r.from(), r.pipelines()).report());
            } catch (DataFactoryException e) {
                log.info("Export: the schedule of {} could not be read ({}); its schedule columns stay empty",
                        f.factoryName(), e.kind());
            }
        }
        return new ScheduleColumns(reports);
    }
}
