package care.securebase.portal.pages;

import care.securebase.portal.api.ClinicalApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;

/** Check-ins in words for the templates: {@code {inject:checkInWords.describe(schedule)}}. */
@Named("checkInWords")
@ApplicationScoped
public class CheckInWords {

    public String describe(ClinicalApi.CheckInSchedule schedule) {
        return CheckInPages.describe(schedule);
    }

    public String flag(String kind) {
        return CaseloadPages.FlagWords.kind(kind);
    }

    public String number(BigDecimal value) {
        return OutcomeChart.number(value);
    }
}
