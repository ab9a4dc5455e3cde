"""The evidence behind the rules, under the short keys that facts and rules cite.

Citations are copied from shared/KNOWLEDGE.md (part 2, section 6). ``level`` says how the product
may use a source: "A" the paper's own results, "S" secondary, "guide" a guideline or textbook,
"seed" the article the project grew from, "INF" the project's own inference (stated as such).
"""

SOURCES = {
    "seed-article": {
        "citation": "Luna D. Are deadlifts for back or for legs? Muscle activation explained. "
                    "Inspire US, updated 7 June 2022.",
        "level": "seed",
    },
    "martin-fuentes-2020": {
        "citation": "Martín-Fuentes I, Oliva-Lozano JM, Muyor JM. Electromyographic activity in "
                    "deadlift exercise and its variants. A systematic review. PLoS One. "
                    "2020;15(2):e0229507. doi:10.1371/journal.pone.0229507",
        "level": "A",
    },
    "coratella-2022": {
        "citation": "Coratella G, Tornatore G, Longo S, Esposito F, Cè E. An electromyographic "
                    "analysis of Romanian, step-Romanian, and stiff-leg deadlift: implication for "
                    "resistance training. Int J Environ Res Public Health. 2022;19(3):1903. "
                    "doi:10.3390/ijerph19031903",
        "level": "A",
    },
    "schellenberg-2013": {
        "citation": "Schellenberg F, Lindorfer J, List R, Taylor WR, Lorenzetti S. Kinetic and "
                    "kinematic differences between deadlifts and goodmornings. BMC Sports Sci Med "
                    "Rehabil. 2013;5:27. doi:10.1186/2052-1847-5-27",
        "level": "A",
    },
    "escamilla-2002": {
        "citation": "Escamilla RF, Francisco AC, Kayes AV, Speer KP, Moorman CT III. An "
                    "electromyographic analysis of sumo and conventional style deadlifts. Med Sci "
                    "Sports Exerc. 2002;34(4):682-688.",
        "level": "A",
    },
    "escamilla-2000": {
        "citation": "Escamilla RF, Francisco AC, Fleisig GS, et al. A three-dimensional "
                    "biomechanical analysis of sumo and conventional style deadlifts. Med Sci "
                    "Sports Exerc. 2000;32(7):1265-1275.",
        "level": "A",
    },
    "lee-2018": {
        "citation": "Lee S, et al. An electromyographic and kinetic comparison of conventional and "
                    "Romanian deadlifts. J Exerc Sci Fit. 2018;16(3):87-93. "
                    "doi:10.1016/j.jesf.2018.08.001",
        "level": "A",
    },
    "mcallister-2014": {
        "citation": "McAllister MJ, Hammond KG, Schilling BK, Ferreria LC, Reed JP, Weiss LW. "
                    "Muscle activation during various hamstring exercises. J Strength Cond Res. "
                    "2014;28(6):1573-1580. doi:10.1519/JSC.0000000000000302",
        "level": "A",
    },
    "diamant-2021": {
        "citation": "Diamant W, Geisler S, Havers T, Knicker A. Comparison of EMG activity between "
                    "single-leg deadlift and conventional bilateral deadlift in trained amateur "
                    "athletes - an empirical analysis. Int J Exerc Sci. 2021;14(1):187-201.",
        "level": "A",
    },
    "mo-2023": {
        "citation": "Mo RCY, Ngai DCW, Ng CCM, Sin KHS, Luk JTC, Ho IMK. Effects of loading "
                    "positions on the activation of trunk and hip muscles during flywheel and "
                    "dumbbell single-leg Romanian deadlift exercises. Front Physiol. "
                    "2023;14:1264604. doi:10.3389/fphys.2023.1264604",
        "level": "A",
    },
    "swinton-2011": {
        "citation": "Swinton PA, Stewart A, Agouris I, Keogh JWL, Lloyd R. A biomechanical analysis "
                    "of straight and hexagonal barbell deadlifts using submaximal loads. J Strength "
                    "Cond Res. 2011;25(7):2000-2009. doi:10.1519/JSC.0b013e3181e73f87",
        "level": "A",
    },
    "camara-2016": {
        "citation": "Camara KD, Coburn JW, Dunnick DD, Brown LE, Galpin AJ, Costa PB. An "
                    "examination of muscle activation and power characteristics while performing "
                    "the deadlift exercise with straight and hexagonal barbells. J Strength Cond "
                    "Res. 2016;30(5):1183-1188.",
        "level": "A",
    },
    "andersen-2018": {
        "citation": "Andersen V, Fimland MS, Mo D-A, et al. Electromyographic comparison of barbell "
                    "deadlift, hex bar deadlift, and hip thrust exercises: a cross-over study. "
                    "J Strength Cond Res. 2018;32(3):587-593. doi:10.1519/JSC.0000000000001826",
        "level": "A",
    },
    "lockie-2018": {
        "citation": "Lockie RG, Moreno MR, Lazar A, et al. The 1 repetition maximum mechanics of a "
                    "high-handle hexagonal bar deadlift compared with a conventional deadlift as "
                    "measured by a linear position transducer. J Strength Cond Res. "
                    "2018;32(1):150-161. doi:10.1519/JSC.0000000000001781",
        "level": "A",
    },
    "gillingham-2023": {
        "citation": "Gillingham B, Bishop A, Higa GK, Adams KJ, DeBeliso M. The relationship "
                    "between partial and full range of motion deadlift 1-repetition maximum: a "
                    "technical note. J Strength Cond Res. 2023;37(4):909-914. "
                    "doi:10.1519/JSC.0000000000004342",
        "level": "A",
    },
    "gundersen-2025": {
        "citation": "Gundersen AH, van den Tillaar R, Falch H, Larsen S. A comparison of spinal and "
                    "lower extremity biomechanics during maximal and sub-maximal deadlifts among "
                    "strength-trained women. PeerJ. 2025;13:e20279. doi:10.7717/peerj.20279",
        "level": "A",
    },
    "zourdos-2016": {
        "citation": "Zourdos MC, Klemp A, Dolan C, et al. Novel resistance training-specific rating "
                    "of perceived exertion scale measuring repetitions in reserve. J Strength Cond "
                    "Res. 2016.",
        "level": "A",
    },
    "helms-2016": {
        "citation": "Helms ER, Cronin J, Storey A, Zourdos MC. Application of the repetitions in "
                    "reserve-based rating of perceived exertion scale for resistance training. "
                    "Strength Cond J. 2016;38(4):42-49. doi:10.1519/SSC.0000000000000218",
        "level": "A",
    },
    "rts-chart": {
        "citation": "Tuchscherer M. Customizing your RPE chart. Reactive Training Systems, 6 Jan "
                    "2016 (chart values as reproduced by public implementations).",
        "level": "S",
    },
    "acsm-2009": {
        "citation": "American College of Sports Medicine. Progression models in resistance "
                    "training for healthy adults. Position Stand. Med Sci Sports Exerc. 2009.",
        "level": "guide",
    },
    "nsca-essentials": {
        "citation": "National Strength and Conditioning Association. Essentials of Strength "
                    "Training and Conditioning, 4th ed. Human Kinetics (goal and season tables as "
                    "summarised by NSCA excerpts).",
        "level": "guide",
    },
    "nsca-1rm-protocol": {
        "citation": "Peterson JA. A Christian Guide to Body Stewardship, Diet and Exercise, 3rd "
                    "ed., Appendix E: 1 Repetition Max (RM) Testing Protocol. Cedarville "
                    "University (the NSCA-style protocol: a light warm-up of 5-10 repetitions, a "
                    "second of 3-5, a near-maximal 2-3, with 1, 2 and 2-4 minutes of rest). "
                    "publications.cedarville.edu/books/peterson_3rd_edition/202/",
        "level": "guide",
    },
    "korak-2015": {
        "citation": "Korak JA, Green JM, O'Neal EK. Resistance training recovery: considerations "
                    "for single vs. multi-joint movements and upper vs. lower body muscles. Int J "
                    "Exerc Sci. 2015;8(1):85-96.",
        "level": "A",
    },
    "belcher-2019": {
        "citation": "Belcher DJ, Sousa CA, Carzoli JP, et al. Time course of recovery is similar "
                    "for the back squat, bench press, and deadlift in well-trained males. Appl "
                    "Physiol Nutr Metab. 2019;44(10):1033-1042. doi:10.1139/apnm-2019-0004",
        "level": "A",
    },
    "ejss-2021": {
        "citation": "Time-course of changes in performance, biomechanical, physiological and "
                    "perceptual responses following resistance training sessions. Eur J Sport Sci. "
                    "2021;21(7):935-943. doi:10.1080/17461391.2020.1789227",
        "level": "A",
    },
    "ronnestad-2011": {
        "citation": "Rønnestad BR, Nymark BS, Raastad T. Effects of in-season strength maintenance "
                    "training frequency in professional soccer players. J Strength Cond Res. "
                    "2011;25(10):2653-2660. doi:10.1519/JSC.0b013e31822dcd96",
        "level": "A",
    },
    "berglund-2015": {
        "citation": "Berglund L, Aasa B, Hellqvist J, Michaelson P, Aasa U. Which patients with low "
                    "back pain benefit from deadlift training? J Strength Cond Res. "
                    "2015;29(7):1803-1811. doi:10.1519/JSC.0000000000000837",
        "level": "A",
    },
    "ahcpr-red-flags": {
        "citation": "Agency for Health Care Policy and Research. Acute Low Back Problems in Adults: "
                    "Assessment and Treatment. Quick Reference Guide No. 14, Table 1 (red flags).",
        "level": "guide",
    },
    "heiderscheit-2010": {
        "citation": "Heiderscheit BC, Sherry MA, Silder A, Chumanov ES, Thelen DG. Hamstring strain "
                    "injuries: recommendations for diagnosis, rehabilitation, and injury "
                    "prevention. J Orthop Sports Phys Ther. 2010;40(2):67-81. "
                    "doi:10.2519/jospt.2010.3047",
        "level": "A",
    },
    "grip-emg-2020": {
        "citation": "Grip-type EMG study of the forearm muscles in the deadlift. J Electromyogr "
                    "Kinesiol. 2020;53:102428.",
        "level": "A",
    },
    "lake-2017": {
        "citation": "Lake J, Duncan F, Jackson M, Naworynsky D. Effect of a hexagonal barbell on "
                    "the mechanical demand of deadlift performance. Sports. 2017;5(4):82. "
                    "doi:10.3390/sports5040082",
        "level": "A",
    },
    "hackett-2017": {
        "citation": "Hackett DA, Cobley SP, Davies TB, Michael SW, Halaki M. Accuracy in "
                    "estimating repetitions to failure during resistance exercise. J Strength Cond "
                    "Res. 2017;31(8):2162-2168. doi:10.1519/JSC.0000000000001683",
        "level": "A",
    },
    "zourdos-2021": {
        "citation": "Zourdos MC, Goldsmith JA, Helms ER, et al. Proximity to failure and total "
                    "repetitions performed in a set influences accuracy of intraset repetitions in "
                    "reserve-based rating of perceived exertion. J Strength Cond Res. "
                    "2021;35:S158-S165. doi:10.1519/JSC.0000000000002995",
        "level": "A",
    },
    "helland-2020": {
        "citation": "Helland C, Midttun M, Saeland F, et al. A strength-oriented exercise session "
                    "required more recovery time than a power-oriented exercise session with equal "
                    "work. PeerJ. 2020;8:e10044. doi:10.7717/peerj.10044",
        "level": "A",
    },
    "reynolds-2006": {
        "citation": "Reynolds JM, Gordon TJ, Robergs RA. Prediction of 1 repetition maximum "
                    "strength from multiple repetition maximum testing and anthropometry. J "
                    "Strength Cond Res. 2006;20(3):584-592.",
        "level": "A",
    },
    "travis-2021": {
        "citation": "Travis SK, Pritchard HJ, Mujika I, Gentles JA, Stone MH, Bazyler CD. "
                    "Characterizing the tapering practices of United States and Canadian raw "
                    "powerlifters. J Strength Cond Res. 2021;35(12S):S26-S35. "
                    "doi:10.1519/JSC.0000000000004177",
        "level": "A",
    },
    "pritchard-2016": {
        "citation": "Pritchard HJ, Tod DA, Barnes MJ, Keogh JW, McGuigan MR. Tapering practices "
                    "of New Zealand's elite raw powerlifters. J Strength Cond Res. "
                    "2016;30(7):1796-1804. doi:10.1519/JSC.0000000000001292",
        "level": "A",
    },
    "project-inference": {
        "citation": "deadlift-advisor knowledge notes: an inference drawn for this software from "
                    "the sources it sits beside, not a finding of any paper.",
        "level": "INF",
    },
}
