package care.securebase.deploy;

import care.securebase.deploy.Manifests.K8sObject;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Core Kubernetes kinds read into fabric8's model classes, as strictly as the API server would: the
 * apiVersion/kind pair must be one the model knows, and nothing may be left over. fabric8 keeps what
 * it does not recognise (an unknown field, or a value of the wrong type) in additionalProperties
 * instead of failing, so every such map in the tree is a finding.
 */
final class CoreValidator {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private CoreValidator() {
    }

    /** Whether fabric8's model has a class for the object's apiVersion and kind. */
    static boolean knows(K8sObject object) {
        return typeOf(object.apiVersion(), object.kind()) != null;
    }

    static List<String> validate(K8sObject object) {
        List<String> problems = new ArrayList<>();
        Class<? extends KubernetesResource> type = typeOf(object.apiVersion(), object.kind());
        if (type == null) {
            problems.add(object.id() + ": apiVersion " + object.apiVersion() + " kind " + object.kind()
                    + " is not a Kubernetes kind the model knows, and no copied CRD defines it");
            return problems;
        }
        Object typed;
        try {
            typed = SERIALIZATION.convertValue(object.node(), type);
        } catch (RuntimeException e) {
            problems.add(object.id() + ": a value of the wrong type at " + pathOf(e) + " (" + type.getSimpleName() + ")");
            return problems;
        }
        walk(typed, "", object.id(), problems);
        return problems;
    }

    /** The metadata of a custom resource, which its CRD schema leaves to the API server. */
    static List<String> validateMetadata(K8sObject object) {
        List<String> problems = new ArrayList<>();
        try {
            Object meta = SERIALIZATION.convertValue(object.node().path("metadata"),
                    io.fabric8.kubernetes.api.model.ObjectMeta.class);
            walk(meta, "metadata", object.id(), problems);
        } catch (RuntimeException e) {
            problems.add(object.id() + ": metadata cannot be read: " + e.getMessage());
        }
        return problems;
    }

    /** Where Jackson gave up, as a field path (spec.template.spec.containers[0].ports). */
    private static String pathOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException mapping) {
                StringBuilder path = new StringBuilder();
                for (JsonMappingException.Reference ref : mapping.getPath()) {
                    if (ref.getFieldName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return path.toString();
            }
        }
        return "? (" + failure.getMessage() + ")";
    }

    private static Class<? extends KubernetesResource> typeOf(String apiVersion, String kind) {
        Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
        return type == null || type.getName().endsWith("GenericKubernetesResource") ? null : type;
    }

    private static void walk(Object value, String path, String id, List<String> problems) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, id, problems));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", id, problems);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object child = read(field, value);
                if (field.getName().equals("additionalProperties")) {
                    if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        extra.keySet().forEach(key -> problems.add(id + ": unknown field, or a value of the wrong type, at "
                                + strip(path + "." + key)));
                    }
                    continue;
                }
                JsonProperty json = field.getAnnotation(JsonProperty.class);
                String name = json != null && !json.value().isEmpty() ? json.value() : field.getName();
                walk(child, path + "." + name, id, problems);
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError("cannot read " + field + ": " + e.getMessage(), e);
        }
    }

    private static String strip(String path) {
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
