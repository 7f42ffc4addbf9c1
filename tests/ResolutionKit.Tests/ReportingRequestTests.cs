using ResolutionKit.Analysis;
using Xunit;

namespace ResolutionKit.Tests;

/// <summary>
/// Reporting requests in the six languages, in the forms the texts use: a report asked of someone (to the Council, to the
/// conference, or not said), and the clauses that send the Council something other than a report — proposals,
/// contributions, candidatures — which ask for none. The same request is found in every language it is written in.
/// </summary>
public class ReportingRequestTests
{
    public static TheoryData<string, string, ReportRecipient> Requests() => new()
    {
        // Keeping the Council informed is a report to it, in every language that says so.
        { "en", "to keep the Council informed of the progress made by the regional offices;", ReportRecipient.Council },
        { "en", "to inform the next session of the Council of the results of the consultation;", ReportRecipient.Council },
        { "en", "to regularly inform the Plenipotentiary Conference on the implementation of this resolution;", ReportRecipient.Conference },
        { "fr", "de maintenir une liaison efficace avec cette organisation et d'informer le Conseil des progrès accomplis;", ReportRecipient.Council },
        { "fr", "de tenir le Conseil régulièrement informé de la mise en œuvre de la présente résolution;", ReportRecipient.Council },
        { "fr", "d'informer la prochaine Conférence de plénipotentiaires des résultats obtenus;", ReportRecipient.Conference },
        { "es", "que mantenga informado al Consejo de los avances logrados en la aplicación de la presente Resolución;", ReportRecipient.Council },
        { "es", "que informe al Consejo sobre la aplicación de la presente Resolución;", ReportRecipient.Council },
        { "ru", "держать Совет в курсе хода выполнения настоящей Резолюции;", ReportRecipient.Council },
        { "ru", "регулярно информировать Совет о ходе работы;", ReportRecipient.Council },
        { "ru", "подготовить для Совета доклад о деятельности региональных отделений;", ReportRecipient.Council },
        { "ru", "доложить Полномочной конференции о результатах;", ReportRecipient.Conference },
        { "ar", "إبلاغ المجلس بالتقدم المحرز في تنفيذ هذا القرار؛", ReportRecipient.Council },
        { "zh", "随时向理事会通报本决议的执行情况；", ReportRecipient.Council },
        { "zh", "编拟关于电联活动的年度报告，提交理事会审议；", ReportRecipient.Council },
        { "zh", "编拟每年向行政理事会提交的财务管理报告；", ReportRecipient.Council },

        // A report sent for approval is still a report.
        { "en", "to submit the annual report to the Council for approval;", ReportRecipient.Council },

        // Reports with no recipient named are still requests.
        { "en", "to prepare an annual report on the activities of the Union;", ReportRecipient.Other },
        { "zh", "编拟电联活动年度报告；", ReportRecipient.Other },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Request_ShouldBeFound_WithItsRecipient(string language, string text, ReportRecipient recipient)
    {
        var request = ReportingRequests.Find(text, language);
        Assert.NotNull(request);
        Assert.Equal(recipient, request!.Recipient);
    }

    public static TheoryData<string, string> NotRequests() => new()
    {
        // Proposals, contributions and candidatures sent to the Council are not reports, before or after the recipient.
        { "en", "to submit proposals to the Council on the future of the regional presence;" },
        { "en", "to submit to the Council, for its consideration, proposals on the structure of the Sectors;" },
        { "fr", "d'élaborer, sur la base des contributions des États Membres, et de soumettre au Conseil, des propositions sur la structure des Secteurs;" },
        { "fr", "de soumettre des propositions au Conseil sur la présence régionale;" },
        { "fr", "de présenter au Conseil des candidatures pour le Comité;" },
        { "es", "someter al Consejo propuestas sobre la estructura de los Sectores;" },
        { "es", "presentar sus contribuciones al Consejo;" },

        // What the Council is sent to approve or decide is not a report (a report to approve is found as a report).
        { "en", "to prepare the draft biennial budget and to submit it to the Council for approval;" },
        { "fr", "de soumettre le projet de budget biennal au Conseil pour approbation;" },
        { "es", "presentar el proyecto de presupuesto bienal al Consejo para su aprobación;" },

        // Informing others, or a working group, is not a report to the Council or the conference.
        { "en", "to inform the Council Working Group on languages of the costs;" },
        { "zh", "编造并向行政理事会提交年度概算；" },

        // Without a recipient, only a periodic or progress report is asked for: a preparatory meeting's consolidated
        // report is its work, not an account to anyone.
        { "zh", "由其审议各主管部门提交的材料，并在此基础上编写一份综合报告；" },
    };

    [Theory]
    [MemberData(nameof(NotRequests))]
    public void OtherThingsSentToTheCouncil_ShouldNotBeRequests(string language, string text) =>
        Assert.Null(ReportingRequests.Find(text, language));
}
