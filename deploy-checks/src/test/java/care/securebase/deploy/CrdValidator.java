package care.securebase.deploy;

import care.securebase.deploy.Manifests.K8sObject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Custom resources validated against their operator's CRD schema (deploy/kubernetes/crds), with the
 * API server's rules for structural schemas: a field the schema does not declare is an error (the
 * server would silently prune it) unless x-kubernetes-preserve-unknown-fields; x-kubernetes-int-or-string
 * and nullable are honoured. The OpenAPI schema becomes JSON Schema draft 4 (whose boolean
 * exclusiveMinimum it shares) for networknt's validator. Not evaluated: CEL rules
 * (x-kubernetes-validations) and string formats.
 */
final class CrdValidator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    /** apiVersion + "/" + kind to its schema. */
    private final Map<String, Schema> schemas = new HashMap<>();

    CrdValidator(Path crdDir) {
        try (Stream<Path> files = Files.walk(crdDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
                for (K8sObject crd : Manifests.parse(Manifests.read(file), file.getFileName().toString())) {
                    if (crd.kind().equals("CustomResourceDefinition")) {
                        add(crd.node());
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read the CRDs in " + crdDir + ": " + e.getMessage(), e);
        }
    }

    int size() {
        return schemas.size();
    }

    boolean knows(K8sObject object) {
        return schemas.containsKey(object.apiVersion() + "/" + object.kind());
    }

    List<String> validate(K8sObject object) {
        Schema schema = schemas.get(object.apiVersion() + "/" + object.kind());
        List<String> problems = new ArrayList<>();
        if (schema == null) {
            problems.add(object.id() + ": no copied CRD serves " + object.apiVersion() + " " + object.kind());
            return problems;
        }
        for (Error error : schema.validate(object.node().toString(), InputFormat.JSON)) {
            problems.add(object.id() + ": " + error.getInstanceLocation() + ": " + error.getMessage());
        }
        problems.addAll(CoreValidator.validateMetadata(object));
        return problems;
    }

    private void add(JsonNode crd) {
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (!version.path("served").asBoolean()) {
                continue;
            }
            JsonNode openApi = version.path("schema").path("openAPIV3Schema");
            ObjectNode root = toJsonSchema(openApi, true);
            // Every object has these whether its CRD lists them or not; ObjectMeta is the API server's to
            // validate, so CoreValidator.validateMetadata reads it into fabric8's model instead.
            ObjectNode properties = root.has("properties") ? (ObjectNode) root.get("properties") : root.putObject("properties");
            properties.putObject("apiVersion").put("type", "string");
            properties.putObject("kind").put("type", "string");
            properties.putObject("metadata").put("type", "object");
            schemas.put(group + "/" + version.path("name").asText() + "/" + kind,
                    REGISTRY.getSchema(root.toString(), InputFormat.JSON));
        }
    }

    /**
     * @param structural false inside anyOf/oneOf/allOf/not, whose branches only add constraints and
     *                   must not refuse fields the structural part declares
     */
    static ObjectNode toJsonSchema(JsonNode openApi, boolean structural) {
        ObjectNode out = NODES.objectNode();
        boolean preserveUnknown = openApi.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean intOrString = openApi.path("x-kubernetes-int-or-string").asBoolean(false);
        boolean nullable = openApi.path("nullable").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = openApi.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    value.fields().forEachRemaining(p -> properties.set(p.getKey(), toJsonSchema(p.getValue(), structural)));
                }
                case "items" -> out.set("items", toJsonSchema(value, structural));
                case "additionalProperties" ->
                        out.set("additionalProperties", value.isObject() ? toJsonSchema(value, structural) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode branches = out.putArray(key);
                    value.forEach(branch -> branches.add(toJsonSchema(branch, false)));
                }
                case "not" -> out.set("not", toJsonSchema(value, false));
                case "nullable", "format", "description", "example", "externalDocs", "x-kubernetes-validations" -> {
                }
                default -> {
                    if (!key.startsWith("x-kubernetes-")) {
                        out.set(key, value);
                    }
                }
            }
        }
        if (intOrString) {
            out.remove("type");
            if (!out.has("anyOf")) {
                ArrayNode anyOf = out.putArray("anyOf");
                anyOf.addObject().put("type", "integer");
                anyOf.addObject().put("type", "string");
            }
        }
        if (nullable) {
            if (out.has("type")) {
                ArrayNode types = NODES.arrayNode().add(out.get("type").asText()).add("null");
                out.set("type", types);
            } else if (out.has("anyOf")) {
                ((ArrayNode) out.get("anyOf")).addObject().put("type", "null");
            }
        }
        boolean isObject = "object".equals(openApi.path("type").asText()) || openApi.has("properties");
        if (structural && isObject && !preserveUnknown && !out.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
