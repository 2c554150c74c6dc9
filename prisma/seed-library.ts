// The Healing Library's starter content: five modalities and one article each, written for Fireside by its
// elders (balanced, cautious, not medical advice), citing published studies. Seeded with the demo community.

import type { ArticleText } from '../lib/library/views';
import type { Db } from '../server/db/client';

type SeedModality = { slug: string; name: string; summary: string };
type SeedArticle = ArticleText & {
  slug: string;
  modality: string;
  author: string;
  reviewer: string;
};

const LIBRARY_MODALITIES: SeedModality[] = [
  { slug: 'dmt-assisted-therapy', name: 'DMT-assisted therapy', summary: 'Very short-acting psychedelic experiences studied in clinical settings.' },
  {
    slug: 'mdma-assisted-therapy',
    name: 'MDMA-assisted therapy',
    summary: 'MDMA given in a few supervised sessions within a course of trauma-focused therapy.',
  },
  {
    slug: 'psilocybin-assisted-therapy',
    name: 'Psilocybin-assisted therapy',
    summary: 'One or two supervised psilocybin sessions with psychological support before and after.',
  },
  { slug: 'ayahuasca', name: 'Ayahuasca', summary: 'An Amazonian plant brew used in ceremonies and, more recently, studied in clinical trials.' },
  {
    slug: 'integration-practices',
    name: 'Integration practices',
    summary: 'What people do after an experience to make sense of it and carry it into daily life.',
  },
];

const ROWAN = 'rowan@example.org';
const MAYA = 'maya@example.org';

// Guidance shared by every article about combining psychedelics with medicines.
const MEDICATION_TALK =
  'Never stop or change a prescribed medicine on your own to prepare for an experience: stopping antidepressants, lithium or anticonvulsants abruptly can be dangerous in itself. Talk to the prescriber.';

export const LIBRARY_ARTICLES: SeedArticle[] = [
  {
    slug: 'dmt-assisted-therapy',
    modality: 'dmt-assisted-therapy',
    title: 'DMT-assisted therapy: what early research can and cannot tell us',
    summary:
      'DMT produces an intense experience that lasts minutes rather than hours. That short duration makes it interesting for clinics, but research on its therapeutic use is still at an early, exploratory stage.',
    body: `## What DMT is

N,N-dimethyltryptamine (DMT) is a tryptamine psychedelic found in many plants. Swallowed on its own it is broken down in the gut by the enzyme monoamine oxidase before it can act, which is why traditional brews such as ayahuasca combine it with plants that block that enzyme. Smoked, vaporised or injected, it acts within seconds to a minute, peaks within a few minutes and has largely faded within half an hour.

## Why researchers are interested

Most psychedelic treatments studied today need a full day in the clinic. A much shorter experience could make supervised treatment cheaper and easier to schedule. Laboratory work has also used DMT to study how the brain changes during an immersive altered state: an EEG study found that DMT reduced slower alpha and beta rhythms and made brain signals more varied and less predictable, and that these changes followed the intensity of what people reported seeing.

## What the clinical studies looked like

The clinical evidence is thin. One exploratory study gave intravenous DMT at several doses to healthy volunteers and to a small group of people with major depression. It mainly asked whether the doses were tolerated; it reported brief rises in heart rate and blood pressure and early signals of improved mood in the depression group. It was small and not designed to prove that DMT treats depression. Larger controlled trials are under way in several countries, and their results will matter far more than anecdotes.

## The shape of a session

In research settings a session usually includes careful screening, one or more preparation meetings, the dosing itself with two trained monitors present, and follow-up conversations afterwards. The experience can be overwhelming even though it is short: people describe a sudden loss of ordinary surroundings, vivid imagery and strong emotion. Preparation focuses on how to let go rather than fight it, and on having a plan for the hours afterwards.`,
    benefits: `- A short experience (often under 30 minutes) could make supervised sessions more practical than with longer-acting substances.
- Early studies suggest doses can be given in controlled settings with careful monitoring.
- Exploratory data hint at rapid changes in mood in people with depression; this is a question for larger trials, not an established benefit.
- Research with DMT helps scientists understand how the brain produces conscious experience.`,
    risks: `- **Overwhelming experience:** the onset is fast and intense; fear, panic and disorientation are common even when the experience is brief.
- **Heart and blood pressure:** heart rate and blood pressure rise during the peak, which matters for anyone with a heart condition.
- **Psychiatric reactions:** in rare cases, psychedelics can trigger prolonged psychotic or manic episodes, mostly in people with a personal or family history of such conditions.
- **Interactions:** combining DMT with MAO-inhibiting plants or medicines greatly changes its effects and can be dangerous together with other serotonergic drugs.
- **Unregulated supply:** outside of research, the substance's identity and strength are unknown, and smoking equipment can cause burns.`,
    contraindications: `People in clinical studies are usually excluded if any of these apply; treat them as serious warning signs:

- a personal or close family history of psychosis, schizophrenia or bipolar disorder;
- heart disease, a previous stroke, or high blood pressure that is not well controlled;
- taking **MAO inhibitors** (including some antidepressants and MAO-inhibiting plants), **lithium** (seizures have been reported when lithium is combined with classic psychedelics), or **SSRIs, SNRIs** and other serotonergic medicines, which can change the effects and add interaction risks;
- pregnancy or breastfeeding;
- a current crisis, such as active suicidal thoughts.

${MEDICATION_TALK}`,
    legalStatus: `DMT is a controlled substance in most countries, and possessing or supplying it outside an approved research setting can be a serious offence. Clinical trials operate under special licences. Laws differ between countries and change over time, so check the current law where you live; nothing here is legal advice.`,
    references: [
      {
        text: "D'Souza DC, Syed SA, Flynn LT, Safi-Aghdam H, Cozzi NV, Ranganathan M. Exploratory study of the dose-related safety, tolerability, and efficacy of dimethyltryptamine (DMT) in healthy volunteers and major depressive disorder. Neuropsychopharmacology. 2022;47:1854–1862.",
        doi: '10.1038/s41386-022-01344-y',
      },
      {
        text: 'Timmermann C, Roseman L, Schartner M, et al. Neural correlates of the DMT experience assessed with multivariate EEG. Scientific Reports. 2019;9:16324.',
        doi: '10.1038/s41598-019-51974-4',
      },
      {
        text: 'Johnson MW, Richards WA, Griffiths RR. Human hallucinogen research: guidelines for safety. Journal of Psychopharmacology. 2008;22(6):603–620.',
        doi: '10.1177/0269881108093587',
      },
    ],
    author: ROWAN,
    reviewer: MAYA,
  },
  {
    slug: 'mdma-assisted-therapy-for-ptsd',
    modality: 'mdma-assisted-therapy',
    title: 'MDMA-assisted therapy for PTSD',
    summary:
      'In two placebo-controlled phase 3 trials, people with PTSD who received MDMA within a structured course of therapy improved more than those who received the same therapy with a placebo. Regulators have not yet been convinced everywhere, and the treatment is not risk-free.',
    body: `## How the treatment is structured

MDMA-assisted therapy is not "taking MDMA". In the trials, each person had three preparation sessions with a pair of therapists, then three day-long sessions about a month apart in which they took MDMA, each followed by several integration sessions. The therapists used a non-directive approach: supporting whatever came up rather than steering it. The medicine is thought to make it easier to stay with painful memories without being overwhelmed, which is often the hardest part of trauma therapy.

## What the trials found

The first phase 3 trial enrolled 90 people with severe, long-lasting PTSD, many of whom also had depression, dissociation or a history of childhood trauma. Two months after the last session, symptoms on a standard clinician-rated PTSD scale had fallen more in the MDMA group than in the placebo group, and the MDMA group also reported less impairment in daily life. A second phase 3 trial with 104 participants, including people with moderate PTSD and a more diverse group of participants, found a similar pattern.

## Why it is not simply approved

In 2024 the United States Food and Drug Administration declined to approve MDMA-assisted therapy and asked for another phase 3 trial. Concerns raised in the review included how easily participants could guess whether they had received MDMA (which makes blinding hard), how adverse events were recorded, and the conduct of some trial sites. Other countries have taken different decisions. The research questions remain open, and it is reasonable to feel both hopeful and cautious.

## Common experiences during and after sessions

People often describe feeling warmer towards themselves and others, less defensive and more able to talk. The sessions can also bring up intense grief, fear or anger. In the days afterwards, low mood, tiredness and trouble sleeping are common and usually pass.`,
    benefits: `- In two phase 3 trials, PTSD symptoms fell more with MDMA plus therapy than with the same therapy and a placebo.
- Improvements were also seen in people with hard-to-treat features such as dissociation and childhood trauma.
- Only a few medicine sessions are involved, within a limited course of therapy, rather than a daily medicine.
- The trials did not find an increase in suicidal thoughts compared with placebo.`,
    risks: `- **Heart and circulation:** MDMA raises heart rate and blood pressure during the session.
- **Body temperature and fluids:** overheating, and dangerously low blood sodium from drinking too much water, are known dangers, especially outside clinical settings.
- **Common side effects:** jaw clenching, muscle tightness, nausea, loss of appetite, sweating and restlessness; low mood and poor sleep for some days afterwards.
- **Emotional intensity:** traumatic memories may surface strongly; this needs skilled support and time.
- **Misuse and supply:** "ecstasy" or "molly" bought outside a clinic is often a different or adulterated substance and is used in riskier settings.
- **Boundary violations:** vulnerability during sessions makes ethical, well-supervised therapists essential; a serious breach by a therapist in one trial has been widely reported.`,
    contraindications: `Clinical programmes usually exclude people with:

- heart disease, uncontrolled high blood pressure, a history of stroke or arrhythmia;
- liver disease;
- a personal history of psychosis or bipolar I disorder;
- pregnancy;
- medicines that interact dangerously: **MAO inhibitors** (risk of serotonin toxicity), and some HIV medicines and other drugs that slow the breakdown of MDMA; **SSRIs and SNRIs** tend to blunt MDMA's effects, and trial participants tapered them under medical supervision before starting.

${MEDICATION_TALK}`,
    legalStatus: `MDMA is a controlled substance in most countries. A small number of jurisdictions have created routes for specially authorised psychiatrists to prescribe it for PTSD (Australia has allowed this since 2023), while in many others it is only available within approved clinical trials. Laws and regulatory decisions are changing; check the current situation where you live. This is not legal advice.`,
    references: [
      {
        text: 'Mitchell JM, Bogenschutz M, Lilienstein A, et al. MDMA-assisted therapy for severe PTSD: a randomized, double-blind, placebo-controlled phase 3 study. Nature Medicine. 2021;27:1025–1033.',
        doi: '10.1038/s41591-021-01336-3',
      },
      {
        text: 'Mitchell JM, Ot’alora G. M, van der Kolk B, et al. MDMA-assisted therapy for moderate to severe PTSD: a randomized, placebo-controlled phase 3 trial. Nature Medicine. 2023;29:2473–2480.',
        doi: '10.1038/s41591-023-02565-4',
      },
    ],
    author: MAYA,
    reviewer: ROWAN,
  },
  {
    slug: 'psilocybin-assisted-therapy',
    modality: 'psilocybin-assisted-therapy',
    title: 'Psilocybin-assisted therapy for depression',
    summary:
      'Psilocybin, the active compound in "magic mushrooms", has been tested in several controlled trials for depression. Results are promising but mixed, effects vary a lot between people, and the setting and support matter as much as the substance.',
    body: `## What happens in a psilocybin session

In clinical research, a session usually lasts six to eight hours. The person lies in a calm room, often with eyeshades and music, while one or two trained guides stay with them. Before the session there are preparation meetings to build trust, talk about intentions and agree on what support looks like; afterwards there are integration meetings to make sense of what happened. Most trials give one or two doses of psilocybin in total.

## What the trials found

- In a small randomised trial of 24 adults with major depression, two psilocybin sessions with psychotherapy led to large reductions in depression ratings compared with people still waiting for treatment, lasting at least four weeks.
- A larger trial in 233 people with depression that had not improved with at least two antidepressants compared three single doses (25 mg, 10 mg and 1 mg). The 25 mg dose reduced depression scores more than 1 mg after three weeks, but many people did not respond, and the difference was smaller by twelve weeks. Suicidal thoughts and self-harm occurred in all groups, a reminder that people with serious depression need close follow-up whatever treatment they receive.
- A head-to-head trial of psilocybin against the antidepressant escitalopram over six weeks found no significant difference on its main depression measure. Several other measures favoured psilocybin, but those comparisons were not corrected for multiple testing, so they are suggestive rather than conclusive.

## How to read this evidence

The studies are relatively small, participants are carefully screened, and it is hard to hide from people whether they received a psychedelic. Expectation can therefore shape results. Psilocybin is not a quick fix: the trials combined the medicine with substantial human support, and that is part of what was tested.`,
    benefits: `- Controlled trials report rapid reductions in depressive symptoms after one or two supervised sessions for some people.
- Benefits in some participants lasted weeks to months after only one or two doses.
- Psilocybin is not considered addictive, and serious physical harm at clinical doses is uncommon.
- Many participants describe lasting changes in perspective, such as feeling more connected or accepting.`,
    risks: `- **Difficult experiences:** anxiety, fear, confusion or grief during the session are common and can be intense.
- **Common physical effects:** headache (often the next day), nausea, dizziness, and rises in blood pressure and heart rate during the session.
- **Psychiatric risks:** rarely, prolonged psychotic or manic episodes, mostly in vulnerable people; lingering perceptual changes are uncommon.
- **Suicidality:** people with severe depression remain at risk after treatment and need ongoing care and a safety plan.
- **Unsupervised use:** risky behaviour while intoxicated, uncertain dose and mistaken mushroom identification (some wild mushrooms are deadly) are real dangers outside clinical settings.`,
    contraindications: `Trials commonly exclude people with:

- a personal or close family history of psychosis, schizophrenia or bipolar disorder;
- heart disease or uncontrolled high blood pressure;
- pregnancy;
- **lithium** (seizures have been reported when combined with classic psychedelics); **MAO inhibitors**; and in many trials **SSRIs/SNRIs** and other antidepressants, which may blunt the effect and were tapered under medical supervision;
- active suicidal intent or a current crisis.

${MEDICATION_TALK}`,
    legalStatus: `Psilocybin is a controlled substance in most countries. A few jurisdictions have created regulated access: some US states run licensed programmes, and Australia allows specially authorised psychiatrists to prescribe it for treatment-resistant depression. Elsewhere it is usually available only in clinical trials. The rules differ and change, so check the current law where you live; this is not legal advice.`,
    references: [
      {
        text: 'Davis AK, Barrett FS, May DG, et al. Effects of psilocybin-assisted therapy on major depressive disorder: a randomized clinical trial. JAMA Psychiatry. 2021;78(5):481–489.',
        doi: '10.1001/jamapsychiatry.2020.3285',
      },
      {
        text: 'Goodwin GM, Aaronson ST, Alvarez O, et al. Single-dose psilocybin for a treatment-resistant episode of major depression. New England Journal of Medicine. 2022;387:1637–1648.',
        doi: '10.1056/NEJMoa2206443',
      },
      {
        text: 'Carhart-Harris R, Giribaldi B, Watts R, et al. Trial of psilocybin versus escitalopram for depression. New England Journal of Medicine. 2021;384:1402–1411.',
        doi: '10.1056/NEJMoa2032994',
      },
    ],
    author: ROWAN,
    reviewer: MAYA,
  },
  {
    slug: 'ayahuasca',
    modality: 'ayahuasca',
    title: 'Ayahuasca: ceremony, research and caution',
    summary:
      'Ayahuasca is a brew from the Amazon with a long ceremonial history. A small controlled trial suggests it may help some people with hard-to-treat depression, but it interacts with many medicines and retreats vary enormously in safety.',
    body: `## What is in the brew

Ayahuasca is usually made by boiling the *Banisteriopsis caapi* vine with the leaves of a DMT-containing plant such as *Psychotria viridis*. The vine contains harmala alkaloids (such as harmine and harmaline) that temporarily block the enzyme monoamine oxidase A. That is what lets the DMT from the leaves act when swallowed, and it is also why ayahuasca interacts with so many medicines. Effects begin within about an hour, peak after one to two hours and last around four to six hours. Vomiting or diarrhoea, often called purging, is common and is seen as part of the process in many traditions.

## Traditional and modern use

Indigenous peoples of the Amazon have used ayahuasca for healing and ceremony for generations, and several Brazilian churches use it as a sacrament. In recent decades, retreats for international visitors have multiplied. Some are led by experienced, ethical practitioners with medical screening; others are not. Respect for the traditions the practice comes from, and for the communities who hold them, is part of approaching it well.

## What research has found

A laboratory study in volunteers measured how the brew's effects and DMT levels rise and fall over the hours after drinking it, and found modest increases in blood pressure. In a small randomised, placebo-controlled trial in Brazil, people with treatment-resistant depression who received a single dose of ayahuasca had larger improvements in depression ratings one week later than those given a placebo. The trial was small and needs replication; other evidence comes mostly from observational studies of ceremony participants, which cannot separate the brew's effects from those of the setting and community.`,
    benefits: `- A small placebo-controlled trial found rapid antidepressant effects after a single dose in people with treatment-resistant depression.
- Participants in ceremonies often describe emotional release, insight and a renewed sense of meaning; these reports are encouraging but hard to measure.
- Community and ritual can offer structure and support before and after the experience.`,
    risks: `- **Medicine interactions:** because the vine inhibits MAO-A, combining ayahuasca with serotonergic medicines can cause serotonin toxicity, which can be life-threatening.
- **Physical effects:** vomiting, diarrhoea, raised blood pressure and heart rate; dehydration in hot climates.
- **Psychiatric reactions:** overwhelming fear, and rarely prolonged psychotic or manic episodes in vulnerable people.
- **Setting and people:** remote retreats may be far from emergency care; abuse of power, including sexual abuse, by some facilitators has been reported. Go with trusted people, never alone, and know how to leave.
- **Unknown strength:** brews vary widely in alkaloid content, and some contain other plants.`,
    contraindications: `Avoid ayahuasca, or seek careful medical advice first, if you:

- take **SSRIs, SNRIs, tricyclic antidepressants, MAO inhibitors, lithium**, stimulants (including ADHD medicines), certain painkillers such as tramadol, cough medicines with dextromethorphan, or St John's wort;
- have heart disease, uncontrolled high blood pressure, or a history of stroke;
- have a personal or close family history of psychosis or bipolar disorder;
- are pregnant.

Many traditions also ask people to avoid certain foods, alcohol and other drugs before and after a ceremony. ${MEDICATION_TALK}`,
    legalStatus: `The legal position of ayahuasca varies widely. Some countries protect its religious use, and in some others courts have allowed specific churches to use it. In many countries the DMT in the brew makes possessing or serving it illegal, while the plants themselves may or may not be controlled. Check the current law where you live and where you travel; this is not legal advice.`,
    references: [
      {
        text: 'Palhano-Fontes F, Barreto D, Onias H, et al. Rapid antidepressant effects of the psychedelic ayahuasca in treatment-resistant depression: a randomized placebo-controlled trial. Psychological Medicine. 2019;49(4):655–663.',
        doi: '10.1017/S0033291718001356',
      },
      {
        text: 'Riba J, Valle M, Urbano G, Yritia M, Morte A, Barbanoj MJ. Human pharmacology of ayahuasca: subjective and cardiovascular effects, monoamine metabolite excretion, and pharmacokinetics. Journal of Pharmacology and Experimental Therapeutics. 2003;306(1):73–83.',
        url: 'https://jpet.aspetjournals.org/content/306/1/73',
      },
    ],
    author: MAYA,
    reviewer: ROWAN,
  },
  {
    slug: 'integration-practices',
    modality: 'integration-practices',
    title: 'Integration: making sense of an experience afterwards',
    summary:
      'Integration is the work after a psychedelic experience: understanding what happened and carrying what helps into everyday life. It can be as simple as journaling and rest, or involve a therapist or a peer circle.',
    body: `## What integration means

People use the word in many ways. A helpful summary from a review of the literature is that integration is an ongoing process in which a person revisits and works with their experience so that its insights can become part of how they live, in body, mind, relationships and community. It is less about finding the "right" interpretation and more about noticing what changed, what hurt, and what you want to keep.

## Practices people find helpful

- **Rest and routine:** sleep, regular meals and gentle movement in the days afterwards.
- **Writing or drawing:** capture what you remember early; meaning often becomes clearer weeks later.
- **Talking it through:** with a therapist, a trained integration practitioner, or a peer circle where people listen without judging or interpreting for you.
- **Body-based practices:** walking, stretching, yoga or time in nature to settle the nervous system.
- **Small, concrete steps:** one change you can try this week rather than a life overhaul.
- **Waiting before big decisions:** many guides suggest not ending relationships or leaving jobs in the first weeks.

## When integration is not enough

Some difficulties need professional care, not just reflection. Seek help from a doctor or mental health professional if you have thoughts of harming yourself, if you cannot sleep for several nights, if frightening perceptions or visual changes continue for days, or if you feel persistently unreal or detached. In a crisis, contact local emergency services.

## How Fireside fits in

Our discussions are peer spaces, not therapy. Facilitators keep the room safe and kind, and elders share what they have learned, but nobody here can assess or treat you.`,
    benefits: `- Helps turn a one-off experience into lasting, chosen changes.
- Gives difficult or confusing experiences a safe place to be talked about.
- Peer and professional support can reduce isolation, which many people feel after an intense experience.
- Many integration practices (sleep, movement, journaling, connection) support wellbeing with or without psychedelics.`,
    risks: `- **Pressure to interpret:** a guide or group may push their own meaning onto your experience. Your understanding of it is yours.
- **Spiritual bypassing:** using insights to avoid practical problems or painful feelings instead of facing them.
- **Unqualified helpers:** "integration coach" is not a protected title; ask about training, supervision and boundaries.
- **Missing warning signs:** treating a mental health emergency as "part of the process" can delay care that is needed.`,
    contraindications: `Integration support is not a substitute for medical or psychiatric care. Reach for professional help first if you have:

- suicidal thoughts or urges to self-harm;
- symptoms of psychosis or mania, such as hearing voices, racing thoughts with little sleep, or beliefs others find alarming;
- visual disturbances or feelings of unreality lasting more than a few days;
- an existing condition (such as bipolar disorder) or medicines (such as lithium or antidepressants) that need a prescriber's review.`,
    legalStatus: `Talking about a past experience and seeking integration support is legal in most places, and integration practitioners generally do not supply substances. Confidentiality rules for therapists and coaches differ between professions and countries; ask how your information will be kept before you share details of anything that may be illegal where you live. This is not legal advice.`,
    references: [
      {
        text: 'Bathje GJ, Majeski E, Kudowor M. Psychedelic integration: an analysis of the concept and its practice. Frontiers in Psychology. 2022;13:824077.',
        doi: '10.3389/fpsyg.2022.824077',
      },
      {
        text: 'Johnson MW, Richards WA, Griffiths RR. Human hallucinogen research: guidelines for safety. Journal of Psychopharmacology. 2008;22(6):603–620.',
        doi: '10.1177/0269881108093587',
      },
    ],
    author: ROWAN,
    reviewer: MAYA,
  },
];

/**
 * Seeds the library's modalities and articles when the library is empty (authored and reviewed by the demo
 * elders when they exist). Returns whether it seeded.
 */
export async function seedLibraryIfEmpty(db: Db, now = new Date()): Promise<boolean> {
  if ((await db.article.count()) > 0 || (await db.modality.count()) > 0) return false;
  const elders = await db.user.findMany({ where: { email: { in: [ROWAN, MAYA] } }, select: { id: true, email: true } });
  const idOf = (email: string) => elders.find((e) => e.email === email)?.id ?? null;
  return db.$transaction(
    async (tx) => {
      if ((await tx.modality.count()) > 0) return false;
      const modalityIds = new Map<string, string>();
      for (const m of LIBRARY_MODALITIES) modalityIds.set(m.slug, (await tx.modality.create({ data: m, select: { id: true } })).id);
      const modalityIdOf = (slug: string) => {
        const id = modalityIds.get(slug);
        if (!id) throw new Error(`seed: article modality "${slug}" is not in LIBRARY_MODALITIES`);
        return id;
      };
      for (const { modality, author, reviewer, references, ...a } of LIBRARY_ARTICLES) {
        const reviewedById = idOf(reviewer);
        await tx.article.create({
          data: {
            ...a,
            modalityId: modalityIdOf(modality),
            references: JSON.stringify(references),
            authorId: idOf(author),
            reviewedById,
            lastReviewedAt: reviewedById ? now : null,
          },
        });
      }
      return true;
    },
    // A seed's few dozen statements: a start-up on a busy machine (or parallel test suites on PostgreSQL) is no
    // reason for the interactive transaction's 5 s default to cut it off.
    { maxWait: 10_000, timeout: 60_000 },
  );
}
