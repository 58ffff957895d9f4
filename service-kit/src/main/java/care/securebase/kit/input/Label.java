package care.securebase.kit.input;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A short label shown as a name (an organisation, a program, pronouns, a relationship): a person
 * name's characters plus digits, dashes and {@code & , ( ) / + : #}, at least one letter; see {@link Text}.
 */
@Documented
@Constraint(validatedBy = Label.Validator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Label {

    String message() default Text.LABEL_RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Label, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Constraints.report(Text.labelProblem(value), context);
        }
    }
}
