package care.securebase.kit.input;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Type;

/**
 * Writes the rule of every {@link PersonName} and {@link Label} field into the OpenAPI documents as
 * its {@code pattern}, as the document already shows {@code @Pattern}: clients see the rule, and the
 * e2e bad-input corpus finds every such field (present and future) and tries control and format
 * characters and lone surrogates on it. Runs once, at build time, over the application's index.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class TextRulesInTheDocument implements OASFilter {

    private static final DotName SCHEMA =
            DotName.createSimple(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    private static final Map<DotName, String> RULES = Map.of(
            DotName.createSimple(PersonName.class), Text.NAME_PATTERN,
            DotName.createSimple(Label.class), Text.LABEL_PATTERN);

    private final IndexView index;

    public TextRulesInTheDocument(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        RULES.forEach((annotation, pattern) -> {
            for (AnnotationInstance instance : index.getAnnotations(annotation)) {
                FieldInfo field = fieldOf(instance.target());
                if (field == null) {
                    continue;
                }
                Schema owner = schemas.get(schemaName(field.declaringClass()));
                Schema property = owner == null || owner.getProperties() == null ? null
                        : owner.getProperties().get(field.name());
                // List<@Label String>: the rule is the items'.
                if (property != null && field.type().kind() == Type.Kind.PARAMETERIZED_TYPE) {
                    property = property.getItems();
                }
                // @NotBlank's "\S" is a weaker form of the same rule; an explicit @Pattern stays.
                if (property != null && (property.getPattern() == null || property.getPattern().equals("\\S"))) {
                    property.setPattern(pattern);
                }
            }
        });
    }

    /** The field a constraint is on, directly or on its type (a record component's is propagated to its field). */
    private static FieldInfo fieldOf(AnnotationTarget target) {
        return switch (target.kind()) {
            case FIELD -> target.asField();
            case RECORD_COMPONENT -> target.asRecordComponent().field();
            case TYPE -> target.asType().enclosingTarget() != null
                    && target.asType().enclosingTarget().kind() == AnnotationTarget.Kind.FIELD
                    ? target.asType().enclosingTarget().asField() : null;
            default -> null;
        };
    }

    private static String schemaName(ClassInfo type) {
        AnnotationInstance schema = type.declaredAnnotation(SCHEMA);
        AnnotationValue name = schema == null ? null : schema.value("name");
        return name == null ? type.simpleName() : name.asString();
    }
}
