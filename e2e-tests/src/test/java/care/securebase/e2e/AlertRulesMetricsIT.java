package care.securebase.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.deploy.PromQl;
import care.securebase.kit.testing.Scrape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric the alert rules of deploy/prometheus read is served by a running service, with the labels
 * and label values the rules select and group by: the four services' /q/metrics scraped after the
 * clinic's path has run. {@code up} is Prometheus' own (one per target), and the target labels
 * (namespace, job, instance, pod) come from the scrape, not from the services.
 */
@ExtendWith(Stack.class)
class AlertRulesMetricsIT {

    static final Set<String> PROMETHEUS_OWN = Set.of("up");
    static final Set<String> TARGET_LABELS = Set.of("namespace", "job", "instance", "pod");

    @Test
    void everyMetricARuleReadsIsServedWithItsLabels() throws Exception {
        Fixture.get();
        Map<String, Scrape> scrapes = new LinkedHashMap<>();
        for (Stack.Service s : List.of(Stack.INTAKE, Stack.SESSIONS, Stack.REFERRALS, Stack.NOTIFICATIONS)) {
            Http.Resp metrics = Http.send("GET", s.url() + "/q/metrics", null, null, null);
            assertEquals(200, metrics.status(), s.module() + " /q/metrics");
            scrapes.put(s.module(), Scrape.parse(metrics.body()));
        }
        JsonNode rules = new YAMLMapper().readTree(Path.of(System.getProperty("securebase.root", ".."),
                "deploy/prometheus/securebase-rules.yml").toFile());

        List<String> problems = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        PromQl.readsOfRules(rules).forEach((alert, reads) -> {
            Set<String> servedBy = new LinkedHashSet<>();
            List<Scrape.Sample> samples = new ArrayList<>();
            for (PromQl.Selector selector : reads.selectors()) {
                if (PROMETHEUS_OWN.contains(selector.metric())) {
                    continue;
                }
                List<Scrape.Sample> served = new ArrayList<>();
                scrapes.forEach((module, scrape) -> {
                    List<Scrape.Sample> series = scrape.series(selector.metric());
                    if (!series.isEmpty()) {
                        servedBy.add(module);
                        served.addAll(series);
                    }
                });
                if (served.isEmpty()) {
                    problems.add(alert + " reads " + selector.metric() + ", which no service serves");
                    continue;
                }
                for (PromQl.LabelMatcher matcher : selector.matchers()) {
                    if (served.stream().noneMatch(s -> matcher.matches(s.labels().get(matcher.label())))) {
                        problems.add(alert + " selects " + selector.metric() + "{" + matcher.label() + matcher.op() + "\""
                                + matcher.value() + "\"}, which no served series matches");
                    }
                }
                samples.addAll(served);
            }
            for (String label : reads.groupingLabels()) {
                if (!TARGET_LABELS.contains(label) && samples.stream().noneMatch(s -> s.labels().containsKey(label))) {
                    problems.add(alert + " groups by " + label + ", a label none of its series has");
                }
            }
            rows.add(List.of(alert, String.join(", ", reads.metrics()), servedBy.isEmpty() ? "(Prometheus: up)"
                    : String.join(", ", servedBy)));
        });
        new Report().title("Alert rules against the services' /q/metrics")
                .table(List.of("alert", "reads", "served by"), rows).publish("alert-rules-metrics");
        assertTrue(rows.size() >= 13, "the rules were read: " + rows.size());
        assertEquals(List.of(), problems, String.join("\n", problems));
    }
}
