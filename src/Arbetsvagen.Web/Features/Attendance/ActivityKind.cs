using System.ComponentModel.DataAnnotations;

namespace Arbetsvagen.Features.Attendance;

/// <summary>
/// The activity catalogue (insatskatalog): the kind of a scheduled activity and of a plan's activity. It lives with the
/// scheduled activities because plans refer to them, not the other way round (Attendance does not use ActionPlans).
/// </summary>
public enum ActivityKind
{
    [Display(Name = "Praktik")] Placement,
    [Display(Name = "Arbetsträning")] WorkTraining,
    [Display(Name = "SFI")] Sfi,
    [Display(Name = "SFI-kombination")] SfiCombination,
    [Display(Name = "Komvux-kurs")] KomvuxCourse,
    [Display(Name = "Yrkesutbildning")] VocationalTraining,
    [Display(Name = "Förberedande utbildning (FUB)")] Fub,
    [Display(Name = "Arbetsmarknadsutbildning (AUB)")] Aub,
    [Display(Name = "Studiemotiverande folkhögskolekurs")] StudyMotivationCourse,
    [Display(Name = "Jobbsökaraktivitet")] JobSearch,
    [Display(Name = "Coachning")] Coaching,
    [Display(Name = "OSA (offentligt skyddat arbete)")] Osa,
    [Display(Name = "Extratjänst")] ExtraJob,
    [Display(Name = "Nystartsjobb")] NewStartJob,
    [Display(Name = "Introduktionsjobb")] IntroductionJob,
    [Display(Name = "Lönebidrag")] WageSubsidy,
    [Display(Name = "Feriejobb")] SummerJob,
    [Display(Name = "Samhällsorientering")] CivicOrientation,
    [Display(Name = "Annat")] Other,
}
