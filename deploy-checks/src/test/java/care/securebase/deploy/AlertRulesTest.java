package care.securebase.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.deploy.Manifests.K8sObject;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The alert rules of deploy/prometheus, checked by Prometheus' own promtool (./clinic unpacks it into
 * .clinic/prometheus; CLINIC_PROMTOOL names another): the file parses (every expression through the
 * PromQL parser, durations, templates), its unit tests pass (each alert fires when and only when it
 * should), broken PromQL is refused; the PrometheusRule of the cluster overlay carries the same groups;
 * every alert has a severity, a summary and a runbook section in docs/operations.md.
 * That every metric a rule reads is served by some service is checked against real scrapes by
 * e2e-tests' AlertRulesMetricsIT.
 */
class AlertRulesTest {

    static final Path RULES = Manifests.ROOT.resolve("deploy/prometheus/securebase-rules.yml");
    static final Path RULE_TESTS = Manifests.ROOT.resolve("deploy/prometheus/securebase-rules.test.yml");
    static final Path RUNBOOKS = Manifests.ROOT.resolve("docs/operations.md");

    static JsonNode yaml(Path file) {
        try {
            return Manifests.YAML.readTree(Manifests.read(file));
        } catch (IOException e) {
            throw new AssertionError(file + " is not YAML: " + e.getMessage(), e);
        }
    }

    static String promtool() {
        String configured = System.getenv("CLINIC_PROMTOOL");
        Path path = configured != null && !configured.isBlank() ? Path.of(configured)
                : Manifests.ROOT.resolve(".clinic/prometheus/usr/bin/promtool");
        if (!Files.isExecutable(path)) {
            throw new AssertionError("promtool is not at " + path + ": ./clinic test (or ./clinic infra) unpacks it from "
                    + "Debian's prometheus package into .clinic/prometheus; CLINIC_PROMTOOL may name another. The alert "
                    + "rules cannot be checked without it.");
        }
        return path.toString();
    }

    record Run(int exit, String output) {
    }

    static Run promtool(String... args) {
        List<String> command = new ArrayList<>(List.of(promtool()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).directory(RULES.getParent().toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("promtool " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            throw new AssertionError("cannot run promtool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        yaml(RULES).path("groups").forEach(g -> g.path("rules").forEach(alerts::add));
        return alerts;
    }

    @Test
    void promtoolAcceptsTheRules() {
        Run run = promtool("check", "rules", RULES.toString());
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("SUCCESS: " + alerts().size() + " rules found"), run.output());
        System.out.print("Alert rules (deploy/prometheus): " + run.output().strip().replace("\n", "; ") + "\n");
    }

    @Test
    void eachAlertFiresWhenItShouldAndOnlyThen() {
        Run run = promtool("test", "rules", RULE_TESTS.toString());
        assertEquals(0, run.exit(), run.output());
        Set<String> tested = new TreeSet<>();
        yaml(RULE_TESTS).path("tests").forEach(t -> t.path("alert_rule_test").forEach(a -> tested.add(a.path("alertname").asText())));
        Set<String> defined = alerts().stream().map(a -> a.path("alert").asText()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(defined, tested, "every alert has a unit test in " + RULE_TESTS.getFileName());
        // Each alert is seen firing with its rendered annotations, not only staying quiet.
        for (String alert : defined) {
            boolean fires = false;
            for (JsonNode t : yaml(RULE_TESTS).path("tests")) {
                for (JsonNode a : t.path("alert_rule_test")) {
                    fires |= a.path("alertname").asText().equals(alert) && a.path("exp_alerts").size() > 0
                            && a.path("exp_alerts").get(0).has("exp_annotations");
                }
            }
            assertTrue(fires, alert + " has a test in which it fires, annotations included");
        }
    }

    @Test
    void brokenPromQlIsRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        for (String expr : List.of("max by (job (securebase_outbox_oldest_age_seconds) > 300",
                "rate(securebase_notifications_deliveries_total[5x])",
                "securebase_outbox_pending_events{job=intake-service}",
                "sum(securebase_outbox_pending_events) >> 1",
                "histogram_quantile(0.9, )")) {
            Path file = dir.resolve("broken.yml");
            Files.writeString(file, """
                    groups:
                      - name: broken
                        rules:
                          - alert: Broken
                            expr: '%s'
                    """.formatted(expr.replace("'", "''")));
            Run run = promtool("check", "rules", file.toString());
            assertNotEquals(0, run.exit(), "promtool accepted " + expr + ":\n" + run.output());
            assertTrue(run.output().contains("FAILED") || run.output().contains("parse error"), run.output());
        }
    }

    @Test
    void everyAlertHasSeveritySummaryAndARunbookSection() {
        Set<String> anchors = new TreeSet<>();
        Matcher heading = Pattern.compile("(?m)^#{2,4} (.+)$").matcher(Manifests.read(RUNBOOKS));
        while (heading.find()) {
            anchors.add(anchor(heading.group(1)));
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode alert : alerts()) {
            String name = alert.path("alert").asText();
            if (!Set.of("page", "ticket").contains(alert.path("labels").path("severity").asText())) {
                problems.add(name + ": severity is page or ticket");
            }
            for (String key : List.of("summary", "description", "runbook_url")) {
                if (alert.path("annotations").path(key).asText().isBlank()) {
                    problems.add(name + ": no " + key);
                }
            }
            String runbook = alert.path("annotations").path("runbook_url").asText();
            if (!runbook.equals("docs/operations.md#" + anchor(name)) || !anchors.contains(anchor(name))) {
                problems.add(name + ": runbook_url " + runbook + " is not a section '" + name + "' of docs/operations.md");
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /** GitHub's anchor for a heading: lower case, spaces to dashes, punctuation dropped. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    @Test
    void thePrometheusRuleOfTheClusterOverlayCarriesTheSameGroups() {
        List<K8sObject> rules = Manifests.render("production").stream()
                .filter(o -> o.kind().equals("PrometheusRule")).toList();
        assertEquals(1, rules.size(), "one PrometheusRule in the production overlay");
        assertEquals(yaml(RULES), rules.get(0).node().path("spec"),
                "deploy/kubernetes/monitoring/prometheus-rule.yaml's spec must be deploy/prometheus/securebase-rules.yml's groups");
        assertTrue(Manifests.render("production").stream().anyMatch(o -> o.kind().equals("ServiceMonitor")),
                "the production overlay has a ServiceMonitor for the services");
    }

    @Test
    void promQlReadsAreListed() {
        PromQl.Reads reads = PromQl.reads("""
                max by (namespace, job) (securebase_notifications_oncall_pending_oldest_age_seconds) > 60 or (
                  sum by (namespace, job) (increase(securebase_notifications_oncall_latency_seconds_count[10m] offset 5m))
                  - sum without (instance) (rate(x_bucket{le="60.0", kind=~"a|b"}[1h:5m]))) > 0.5
                and on (job) absent(up{job="intake-service"}) unless 1e3 < bool up""");
        assertEquals(List.of("securebase_notifications_oncall_pending_oldest_age_seconds",
                        "securebase_notifications_oncall_latency_seconds_count", "x_bucket", "up", "up"),
                reads.selectors().stream().map(PromQl.Selector::metric).toList());
        assertEquals(List.of(new PromQl.LabelMatcher("le", "=", "60.0"), new PromQl.LabelMatcher("kind", "=~", "a|b")),
                reads.selectors().get(2).matchers());
        assertEquals(Set.of("namespace", "job", "instance"), reads.groupingLabels());
        assertTrue(reads.selectors().get(2).matchers().get(1).matches("b"));
        assertTrue(!reads.selectors().get(2).matchers().get(1).matches("ab"));
        // Every rule reads at least one metric.
        PromQl.readsOfRules(yaml(RULES)).forEach((alert, r) -> assertTrue(!r.selectors().isEmpty(), alert));
    }
}
