package care.securebase.intake.fhir;

import care.securebase.intake.Intake;
import care.securebase.intake.IntakeInstrument;
import care.securebase.instruments.InstrumentDefinition;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * An instrument administered at intake as a FHIR R4 QuestionnaireResponse: one item per answered
 * question (linked by its LOINC code where one exists), then the scale scores and bands.
 */
public final class QuestionnaireResponseMapper {

    static final String QUESTIONNAIRE_BASE = "https://securebase.care/fhir/Questionnaire/";

    private QuestionnaireResponseMapper() {
    }

    public static QuestionnaireResponse toResponse(Intake intake, IntakeInstrument given, InstrumentDefinition definition) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(given.id.toString());
        // LOINC publishes its panels as Questionnaires under http://loinc.org/q/<code>.
        response.setQuestionnaire(definition.loincPanel() != null
                ? "http://loinc.org/q/" + definition.loincPanel()
                : QUESTIONNAIRE_BASE + definition.code() + "|" + definition.version());
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(new Reference("Patient/" + intake.clientId));
        response.setAuthored(Date.from(intake.completedAt));
        List<Integer> answers = given.answerList();
        for (int i = 0; i < answers.size(); i++) {
            Integer answer = answers.get(i);
            if (answer == null) {
                continue;
            }
            int number = i + 1;
            var defined = definition.item(number);
            // LOINC's questionnaires use the items' LOINC codes as linkIds; ours use the item number.
            var item = response.addItem().setLinkId(defined.map(d -> d.loinc()).filter(c -> c != null)
                    .orElse(String.valueOf(number)));
            defined.map(d -> d.text()).ifPresent(item::setText);
            item.addAnswer().setValue(new IntegerType(answer));
        }
        for (IntakeInstrument.Score score : given.scores) {
            String scaleLoinc = definition.scale(score.scale()).map(s -> s.loinc()).orElse(null);
            response.addItem().setLinkId(scaleLoinc != null ? scaleLoinc : "score-" + score.scale())
                    .setText(definition.code() + " " + score.scale() + " score")
                    .addAnswer().setValue(new DecimalType(score.value()));
            if (score.band() != null) {
                response.addItem().setLinkId("band-" + score.scale())
                        .setText(definition.code() + " " + score.scale() + " severity")
                        .addAnswer().setValue(new StringType(score.band()));
            }
        }
        return response;
    }

}
