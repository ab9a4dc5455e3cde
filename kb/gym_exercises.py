"""A real gym's exercises, so a typed week ("front squat 5x5, t-bar rows, plank") is understood.

Same fields and meaning as kb.exercises, merged into ``EXERCISES`` there. Every entry is a
``week_entry``: it is read in weeks only, so it never joins the catalogue's follow-up menus or the
recovery window's keep-out list, and ``follows_on`` stays empty. ``day_type`` adds "core" (trunk
work) and "conditioning" (sled, bikes, rowing machine, carries) to leg, back, push and arms; the
olympic lifts and their variants count as leg work. ``posterior_chain`` is set only for heavy
hinging or heavy lower-body loading a coach would keep out of the 48 h after a heavy deadlift.

``TYPED_NAMES`` are further names lifters type for exercises already in kb.exercises ("chins",
"lat pull"): read by the name index only, so the existing entries stay as they are.
"""


def _ex(day_type, label, kind, *, trains, posterior_chain, loads, aliases):
    """One catalogue entry; the fields every gym exercise shares are filled in here."""
    return {"day_type": day_type, "label": label, "kind": kind, "trains": trains,
            "posterior_chain": posterior_chain, "follows_on": [], "loads": loads,
            "aliases": aliases, "week_entry": True}


GYM_EXERCISES = {
    # --- squats and single-leg work -------------------------------------------------------------
    "front_squat": _ex(
        "leg", "Front squat", "compound",
        trains=["quadriceps", "glutes", "adductors", "erector_spinae"], posterior_chain=True,
        loads=["knee", "hip", "low_back"],
        aliases=["front squats", "fsq", "barbell front squat", "front rack squat"]),
    "hack_squat": _ex(
        "leg", "Hack squat", "compound",
        trains=["quadriceps", "glutes"], posterior_chain=True, loads=["knee", "hip"],
        aliases=["hack squats", "machine hack squat", "hack squat machine", "hack"]),
    "pendulum_squat": _ex(
        "leg", "Pendulum squat", "compound",
        trains=["quadriceps", "glutes"], posterior_chain=True, loads=["knee", "hip"],
        aliases=["pendulum squats", "pendulum"]),
    "smith_machine_squat": _ex(
        "leg", "Smith machine squat", "compound",
        trains=["quadriceps", "glutes", "adductors"], posterior_chain=True, loads=["knee", "hip"],
        aliases=["smith squat", "smith squats", "smith machine squats"]),
    "box_squat": _ex(
        "leg", "Box squat", "compound",
        trains=["quadriceps", "glutes", "adductors", "hamstrings"], posterior_chain=True,
        loads=["knee", "hip", "low_back"],
        aliases=["box squats", "barbell box squat"]),
    "pause_squat": _ex(
        "leg", "Pause squat", "compound",
        trains=["quadriceps", "glutes", "adductors"], posterior_chain=True,
        loads=["knee", "hip", "low_back"],
        aliases=["paused squat", "pause squats", "paused squats", "paused back squat"]),
    "safety_bar_squat": _ex(
        "leg", "Safety-bar squat", "compound",
        trains=["quadriceps", "glutes", "adductors", "erector_spinae"], posterior_chain=True,
        loads=["knee", "hip", "low_back"],
        aliases=["ssb squat", "ssb squats", "ssb", "safety squat bar squat", "safety squat",
                 "safety bar squats"]),
    "belt_squat": _ex(
        "leg", "Belt squat", "compound",
        trains=["quadriceps", "glutes", "adductors"], posterior_chain=True, loads=["knee", "hip"],
        aliases=["belt squats", "belt squat machine"]),
    "overhead_squat": _ex(
        "leg", "Overhead squat", "compound",
        trains=["quadriceps", "glutes", "adductors", "erector_spinae", "front_deltoids", "trapezius"],
        posterior_chain=True, loads=["knee", "hip", "low_back", "shoulder"],
        aliases=["overhead squats", "ohs"]),
    "goblet_squat": _ex(
        "leg", "Goblet squat", "compound",
        trains=["quadriceps", "glutes", "adductors"], posterior_chain=False, loads=["knee", "hip"],
        aliases=["goblet squats", "kettlebell goblet squat", "dumbbell goblet squat", "goblet"]),
    "sumo_squat": _ex(
        "leg", "Sumo squat", "compound",
        trains=["adductors", "quadriceps", "glutes"], posterior_chain=False, loads=["knee", "hip"],
        aliases=["sumo squats", "plie squat", "dumbbell sumo squat", "kettlebell sumo squat"]),
    "pistol_squat": _ex(
        "leg", "Pistol squat", "compound",
        trains=["quadriceps", "glutes", "gluteus_medius"], posterior_chain=False,
        loads=["knee", "hip"],
        aliases=["pistol squats", "pistol", "pistols", "single leg squat"]),
    "step_up": _ex(
        "leg", "Step-up", "compound",
        trains=["quadriceps", "glutes", "gluteus_medius"], posterior_chain=False,
        loads=["knee", "hip"],
        aliases=["step up", "step ups", "stepup", "box step up", "dumbbell step up",
                 "barbell step up"]),
    "lateral_lunge": _ex(
        "leg", "Lateral lunge / Cossack squat", "compound",
        trains=["adductors", "quadriceps", "glutes"], posterior_chain=False, loads=["knee", "hip"],
        aliases=["lateral lunge", "side lunge", "cossack squat", "cossack squats", "cossacks"]),
    "sissy_squat": _ex(
        "leg", "Sissy squat", "isolation",
        trains=["quadriceps"], posterior_chain=False, loads=["knee"],
        aliases=["sissy squats", "sissy squat machine"]),
    "reverse_nordic": _ex(
        "leg", "Reverse Nordic", "isolation",
        trains=["quadriceps"], posterior_chain=False, loads=["knee"],
        aliases=["reverse nordic curl", "reverse nordics"]),
    "wall_sit": _ex(
        "leg", "Wall sit", "isolation",
        trains=["quadriceps"], posterior_chain=False, loads=["knee"],
        aliases=["wall sits", "wall squat hold"]),

    # --- hinges, hamstrings and hips ------------------------------------------------------------
    "nordic_hamstring_curl": _ex(
        "leg", "Nordic hamstring curl", "isolation",
        trains=["hamstrings"], posterior_chain=True, loads=["hamstring"],
        aliases=["nordic curl", "nordic curls", "nordics", "nordic", "nordic ham curl", "nhc",
                 "nordic hamstring curls"]),
    "reverse_hyperextension": _ex(
        "leg", "Reverse hyperextension", "isolation",
        trains=["glutes", "hamstrings", "erector_spinae"], posterior_chain=True,
        loads=["low_back", "hip"],
        aliases=["reverse hyper", "reverse hypers", "reverse hyperextensions",
                 "reverse hyper machine"]),
    "cable_pull_through": _ex(
        "leg", "Cable pull-through", "compound",
        trains=["glutes", "hamstrings"], posterior_chain=True, loads=["hip", "low_back"],
        aliases=["pull through", "pull throughs", "pullthrough", "pullthroughs",
                 "cable pullthrough", "cable pull through"]),
    "seated_good_morning": _ex(
        "leg", "Seated good morning", "compound",
        trains=["erector_spinae", "glutes", "hamstrings"], posterior_chain=True,
        loads=["low_back", "hip"],
        aliases=["seated good mornings"]),
    "stability_ball_leg_curl": _ex(
        "leg", "Stability-ball leg curl", "isolation",
        trains=["hamstrings", "glutes"], posterior_chain=False, loads=["hamstring"],
        aliases=["stability ball leg curl", "swiss ball leg curl", "ball leg curl",
                 "swiss ball hamstring curl", "stability ball hamstring curl", "slider leg curl",
                 "slider hamstring curl"]),
    "glute_kickback": _ex(
        "leg", "Glute kickback", "isolation",
        trains=["glutes"], posterior_chain=False, loads=["hip"],
        aliases=["glute kickbacks", "cable glute kickback", "cable kickback", "donkey kick",
                 "donkey kicks", "glute kick back"]),
    "hip_abduction": _ex(
        "leg", "Hip abduction machine", "isolation",
        trains=["gluteus_medius"], posterior_chain=False, loads=["hip"],
        aliases=["hip abduction", "hip abductions", "abductor machine", "hip abductor",
                 "abductors", "abduction machine", "seated hip abduction", "abductor"]),
    "hip_adduction": _ex(
        "leg", "Hip adduction machine", "isolation",
        trains=["adductors"], posterior_chain=False, loads=["hip"],
        aliases=["hip adduction", "hip adductions", "adductor machine", "hip adductor",
                 "adductors", "adduction machine", "seated hip adduction", "adductor"]),
    "standing_calf_raise": _ex(
        "leg", "Standing calf raise", "isolation",
        trains=["calves"], posterior_chain=False, loads=[],
        aliases=["calf raise", "calf raises", "standing calf raises", "calves", "calf",
                 "donkey calf raise", "calf press", "smith machine calf raise"]),
    "seated_calf_raise": _ex(
        "leg", "Seated calf raise", "isolation",
        trains=["calves"], posterior_chain=False, loads=[],
        aliases=["seated calf raises", "seated calf", "seated calves"]),

    # --- olympic lifts and their variants -------------------------------------------------------
    "power_clean": _ex(
        "leg", "Power clean", "compound",
        trains=["glutes", "hamstrings", "quadriceps", "erector_spinae", "trapezius"],
        posterior_chain=True, loads=["low_back", "hip", "knee", "grip"],
        aliases=["power cleans", "barbell power clean"]),
    "squat_clean": _ex(
        "leg", "Clean (squat clean)", "compound",
        trains=["glutes", "hamstrings", "quadriceps", "erector_spinae", "trapezius"],
        posterior_chain=True, loads=["low_back", "hip", "knee", "grip"],
        aliases=["clean", "cleans", "squat clean", "squat cleans", "full clean"]),
    "hang_clean": _ex(
        "leg", "Hang clean", "compound",
        trains=["glutes", "hamstrings", "quadriceps", "erector_spinae", "trapezius"],
        posterior_chain=True, loads=["low_back", "hip", "knee", "grip"],
        aliases=["hang cleans", "hang power clean", "hang power cleans", "hpc", "hang squat clean"]),
    "clean_and_jerk": _ex(
        "leg", "Clean and jerk", "compound",
        trains=["glutes", "hamstrings", "quadriceps", "erector_spinae", "trapezius",
                "front_deltoids", "triceps"],
        posterior_chain=True, loads=["low_back", "hip", "knee", "shoulder", "grip"],
        aliases=["clean and jerks", "clean & jerk", "c&j", "clean jerk", "clean n jerk"]),
    "snatch": _ex(
        "leg", "Snatch", "compound",
        trains=["glutes", "hamstrings", "quadriceps", "erector_spinae", "trapezius",
                "front_deltoids"],
        posterior_chain=True, loads=["low_back", "hip", "knee", "shoulder", "grip"],
        aliases=["snatches", "full snatch", "squat snatch", "barbell snatch"]),
    "power_snatch": _ex(
        "leg", "Power snatch", "compound",
        trains=["glutes", "hamstrings", "quadriceps", "erector_spinae", "trapezius",
                "front_deltoids"],
        posterior_chain=True, loads=["low_back", "hip", "knee", "shoulder", "grip"],
        aliases=["power snatches"]),
    "hang_snatch": _ex(
        "leg", "Hang snatch", "compound",
        trains=["glutes", "hamstrings", "quadriceps", "erector_spinae", "trapezius",
                "front_deltoids"],
        posterior_chain=True, loads=["low_back", "hip", "knee", "shoulder", "grip"],
        aliases=["hang snatches", "hang power snatch", "hang power snatches"]),
    "clean_pull": _ex(
        "leg", "Clean pull", "compound",
        trains=["glutes", "hamstrings", "quadriceps", "erector_spinae", "trapezius"],
        posterior_chain=True, loads=["low_back", "hip", "grip"],
        aliases=["clean pulls", "clean high pull"]),
    "snatch_pull": _ex(
        "leg", "Snatch pull", "compound",
        trains=["glutes", "hamstrings", "quadriceps", "erector_spinae", "trapezius"],
        posterior_chain=True, loads=["low_back", "hip", "grip"],
        aliases=["snatch pulls", "snatch high pull"]),
    "push_jerk": _ex(
        "leg", "Push jerk", "compound",
        trains=["front_deltoids", "triceps", "quadriceps", "trapezius"],
        posterior_chain=False, loads=["shoulder", "knee"],
        aliases=["push jerks", "power jerk", "power jerks"]),
    "split_jerk": _ex(
        "leg", "Split jerk", "compound",
        trains=["front_deltoids", "triceps", "quadriceps", "trapezius"],
        posterior_chain=False, loads=["shoulder", "knee"],
        aliases=["split jerks", "jerk", "jerks"]),
    "kettlebell_snatch": _ex(
        "leg", "Kettlebell snatch", "compound",
        trains=["glutes", "hamstrings", "erector_spinae", "front_deltoids", "trapezius"],
        posterior_chain=True, loads=["low_back", "hip", "shoulder", "grip"],
        aliases=["kettlebell snatches", "kb snatch", "kb snatches"]),
    "kettlebell_clean": _ex(
        "leg", "Kettlebell clean", "compound",
        trains=["glutes", "hamstrings", "erector_spinae", "forearms"],
        posterior_chain=True, loads=["low_back", "hip", "grip"],
        aliases=["kettlebell cleans", "kb clean", "kb cleans"]),
    "dumbbell_snatch": _ex(
        "leg", "Dumbbell snatch", "compound",
        trains=["glutes", "hamstrings", "erector_spinae", "front_deltoids", "trapezius"],
        posterior_chain=True, loads=["low_back", "hip", "shoulder", "grip"],
        aliases=["dumbbell snatches", "db snatch", "single arm dumbbell snatch"]),
    "thruster": _ex(
        "leg", "Thruster", "compound",
        trains=["quadriceps", "glutes", "front_deltoids", "triceps"],
        posterior_chain=False, loads=["knee", "hip", "shoulder"],
        aliases=["thrusters", "barbell thruster", "dumbbell thruster"]),

    # --- jumps ----------------------------------------------------------------------------------
    "box_jump": _ex(
        "leg", "Box jump", "compound",
        trains=["quadriceps", "glutes", "calves"], posterior_chain=False, loads=["knee"],
        aliases=["box jumps", "plyo box jump"]),
    "broad_jump": _ex(
        "leg", "Broad jump", "compound",
        trains=["glutes", "quadriceps", "hamstrings", "calves"], posterior_chain=False,
        loads=["knee", "hip"],
        aliases=["broad jumps", "standing broad jump", "standing long jump", "long jump"]),

    # --- back ----------------------------------------------------------------------------------
    "t_bar_row": _ex(
        "back", "T-bar row", "compound",
        trains=["latissimus_dorsi", "rhomboids", "trapezius", "rear_deltoids"],
        posterior_chain=False, loads=["low_back", "shoulder", "grip"],
        aliases=["t bar row", "t bar rows", "tbar row", "tbar rows", "landmine row",
                 "t bar"]),
    "chest_supported_row": _ex(
        "back", "Chest-supported row", "compound",
        trains=["latissimus_dorsi", "rhomboids", "trapezius", "rear_deltoids"],
        posterior_chain=False, loads=["shoulder"],
        aliases=["chest supported row", "chest supported rows", "seal row", "seal rows",
                 "incline dumbbell row", "chest supported t bar row"]),
    "meadows_row": _ex(
        "back", "Meadows row", "compound",
        trains=["latissimus_dorsi", "rhomboids", "rear_deltoids"],
        posterior_chain=False, loads=["shoulder", "grip"],
        aliases=["meadows rows", "meadow row", "meadow rows"]),
    "kroc_row": _ex(
        "back", "Kroc row", "compound",
        trains=["latissimus_dorsi", "rhomboids", "trapezius", "forearms"],
        posterior_chain=False, loads=["shoulder", "grip"],
        aliases=["kroc rows", "krock row"]),
    "inverted_row": _ex(
        "back", "Inverted row", "compound",
        trains=["latissimus_dorsi", "rhomboids", "rear_deltoids", "biceps"],
        posterior_chain=False, loads=["shoulder"],
        aliases=["inverted rows", "body row", "bodyweight row", "australian pull up",
                 "ring row", "ring rows", "trx row", "trx rows"]),
    "rack_chin": _ex(
        "back", "Rack chin", "compound",
        trains=["latissimus_dorsi", "biceps"], posterior_chain=False, loads=["shoulder", "grip"],
        aliases=["rack chins", "rack chin up", "rack pull up", "feet elevated chin"]),
    "muscle_up": _ex(
        "back", "Muscle-up", "compound",
        trains=["latissimus_dorsi", "triceps", "pectorals", "biceps"],
        posterior_chain=False, loads=["shoulder", "grip"],
        aliases=["muscle up", "muscle ups", "bar muscle up", "ring muscle up"]),
    "upright_row": _ex(
        "back", "Upright row", "compound",
        trains=["trapezius", "front_deltoids"], posterior_chain=False, loads=["shoulder"],
        aliases=["upright rows", "barbell upright row", "cable upright row"]),
    "band_pull_apart": _ex(
        "back", "Band pull-apart", "isolation",
        trains=["rear_deltoids", "rhomboids", "trapezius"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["band pull apart", "band pull aparts", "pull apart", "pull aparts"]),

    # --- push -----------------------------------------------------------------------------------
    "incline_bench_press": _ex(
        "push", "Incline bench press", "compound",
        trains=["pectorals", "front_deltoids", "triceps"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["incline bench", "incline press", "incline barbell bench press", "incline",
                 "incline bp"]),
    "incline_dumbbell_press": _ex(
        "push", "Incline dumbbell press", "compound",
        trains=["pectorals", "front_deltoids", "triceps"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["incline dumbbell bench", "incline dumbbell bench press", "incline dumbbell"]),
    "decline_bench_press": _ex(
        "push", "Decline bench press", "compound",
        trains=["pectorals", "triceps", "front_deltoids"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["decline bench", "decline press", "decline", "decline dumbbell press"]),
    "close_grip_bench_press": _ex(
        "push", "Close-grip bench press", "compound",
        trains=["triceps", "pectorals", "front_deltoids"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["close grip bench", "cgbp", "close grip", "cg bench", "close grip bench presses",
                 "narrow grip bench"]),
    "dumbbell_bench_press": _ex(
        "push", "Dumbbell bench press", "compound",
        trains=["pectorals", "front_deltoids", "triceps"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["dumbbell bench", "db bench", "db bench press", "dumbbell chest press",
                 "flat dumbbell press"]),
    "floor_press": _ex(
        "push", "Floor press", "compound",
        trains=["triceps", "pectorals", "front_deltoids"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["floor presses", "barbell floor press", "dumbbell floor press"]),
    "machine_chest_press": _ex(
        "push", "Machine chest press", "compound",
        trains=["pectorals", "triceps", "front_deltoids"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["chest press", "chest press machine", "hammer strength chest press",
                 "seated chest press"]),
    "push_up": _ex(
        "push", "Push-up", "compound",
        trains=["pectorals", "triceps", "front_deltoids"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["push up", "push ups", "pushup", "pushups", "press up", "press ups", "pressup",
                 "diamond push up", "weighted push up", "deficit push up"]),
    "handstand_push_up": _ex(
        "push", "Handstand push-up", "compound",
        trains=["front_deltoids", "triceps"], posterior_chain=False, loads=["shoulder"],
        aliases=["handstand push up", "handstand push ups", "handstand pushup", "hspu",
                 "pike push up", "pike push ups"]),
    "push_press": _ex(
        "push", "Push press", "compound",
        trains=["front_deltoids", "triceps", "quadriceps", "trapezius"], posterior_chain=False,
        loads=["shoulder", "knee"],
        aliases=["push presses", "barbell push press"]),
    "landmine_press": _ex(
        "push", "Landmine press", "compound",
        trains=["front_deltoids", "pectorals", "triceps"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["landmine presses", "landmine shoulder press", "single arm landmine press"]),
    "arnold_press": _ex(
        "push", "Arnold press", "compound",
        trains=["front_deltoids", "triceps"], posterior_chain=False, loads=["shoulder"],
        aliases=["arnold presses", "arnolds"]),
    "dumbbell_shoulder_press": _ex(
        "push", "Dumbbell shoulder press", "compound",
        trains=["front_deltoids", "triceps"], posterior_chain=False, loads=["shoulder"],
        aliases=["dumbbell shoulder presses", "db shoulder press", "seated dumbbell press",
                 "dumbbell overhead press", "db ohp", "seated dumbbell shoulder press"]),
    "z_press": _ex(
        "push", "Z press", "compound",
        trains=["front_deltoids", "triceps", "abdominals"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["z presses", "zpress"]),
    "lateral_raise": _ex(
        "push", "Lateral raise", "isolation",
        trains=["front_deltoids", "trapezius"], posterior_chain=False, loads=["shoulder"],
        aliases=["lateral raises", "lat raise", "lat raises", "side raise", "side raises",
                 "side lateral raise", "dumbbell lateral raise", "cable lateral raise", "laterals"]),
    "front_raise": _ex(
        "push", "Front raise", "isolation",
        trains=["front_deltoids"], posterior_chain=False, loads=["shoulder"],
        aliases=["front raises", "plate front raise", "dumbbell front raise", "cable front raise"]),
    "chest_fly": _ex(
        "push", "Chest fly", "isolation",
        trains=["pectorals", "front_deltoids"], posterior_chain=False, loads=["shoulder"],
        aliases=["chest flye", "chest flys", "chest flies", "dumbbell fly", "dumbbell flye",
                 "flyes", "flys", "flies", "fly", "flye", "pec fly", "incline fly",
                 "incline dumbbell fly"]),
    "pec_deck": _ex(
        "push", "Pec deck", "isolation",
        trains=["pectorals", "front_deltoids"], posterior_chain=False, loads=["shoulder"],
        aliases=["pec deck fly", "pec dec", "machine fly", "machine flye", "butterfly",
                 "pec deck machine"]),
    "cable_crossover": _ex(
        "push", "Cable crossover", "isolation",
        trains=["pectorals", "front_deltoids"], posterior_chain=False, loads=["shoulder"],
        aliases=["cable crossovers", "cable fly", "cable flye", "cable flys", "cable flies",
                 "crossover", "crossovers", "cable chest fly", "cable cross over"]),

    # --- arms -----------------------------------------------------------------------------------
    "triceps_kickback": _ex(
        "arms", "Triceps kickback", "isolation",
        trains=["triceps"], posterior_chain=False, loads=["shoulder"],
        aliases=["triceps kickbacks", "tricep kickback", "dumbbell kickback", "tricep kickbacks"]),
    "reverse_curl": _ex(
        "arms", "Reverse curl", "isolation",
        trains=["forearms", "biceps"], posterior_chain=False, loads=["grip"],
        aliases=["reverse curls", "reverse grip curl", "reverse barbell curl", "ez bar reverse curl"]),
    "jm_press": _ex(
        "arms", "JM press", "compound",
        trains=["triceps"], posterior_chain=False, loads=["shoulder"],
        aliases=["jm presses"]),

    # --- core -----------------------------------------------------------------------------------
    "plank": _ex(
        "core", "Plank", "isolation",
        trains=["abdominals", "obliques"], posterior_chain=False, loads=[],
        aliases=["planks", "front plank", "forearm plank", "plank hold", "weighted plank"]),
    "side_plank": _ex(
        "core", "Side plank", "isolation",
        trains=["obliques", "gluteus_medius"], posterior_chain=False, loads=[],
        aliases=["side planks", "side plank hold"]),
    "copenhagen_plank": _ex(
        "core", "Copenhagen plank", "isolation",
        trains=["adductors", "obliques"], posterior_chain=False, loads=["hip"],
        aliases=["copenhagen", "copenhagens", "copenhagen planks", "copenhagen adductor",
                 "copenhagen side plank"]),
    "ab_wheel_rollout": _ex(
        "core", "Ab-wheel rollout", "isolation",
        trains=["abdominals"], posterior_chain=False, loads=["low_back", "shoulder"],
        aliases=["ab wheel", "ab wheel rollout", "ab wheel rollouts", "ab rollout", "ab rollouts",
                 "rollout", "rollouts", "ab roller", "barbell rollout"]),
    "hanging_leg_raise": _ex(
        "core", "Hanging leg raise", "isolation",
        trains=["abdominals", "obliques", "forearms"], posterior_chain=False,
        loads=["grip", "shoulder"],
        aliases=["hanging leg raises", "hlr", "hanging knee raise", "hanging knee raises",
                 "toes to bar", "t2b"]),
    "lying_leg_raise": _ex(
        "core", "Lying leg raise", "isolation",
        trains=["abdominals"], posterior_chain=False, loads=[],
        aliases=["lying leg raises", "leg raise", "leg raises"]),
    "cable_crunch": _ex(
        "core", "Cable crunch", "isolation",
        trains=["abdominals"], posterior_chain=False, loads=[],
        aliases=["cable crunches", "kneeling cable crunch", "rope crunch", "rope crunches"]),
    "crunch": _ex(
        "core", "Crunch", "isolation",
        trains=["abdominals"], posterior_chain=False, loads=[],
        aliases=["crunches", "ab crunch", "ab crunches", "machine crunch"]),
    "sit_up": _ex(
        "core", "Sit-up", "isolation",
        trains=["abdominals"], posterior_chain=False, loads=[],
        aliases=["sit up", "sit ups", "situp", "situps", "decline sit up", "weighted sit up"]),
    "pallof_press": _ex(
        "core", "Pallof press", "isolation",
        trains=["obliques", "abdominals"], posterior_chain=False, loads=[],
        aliases=["pallof presses", "pallof", "paloff press", "anti rotation press", "pallof hold"]),
    "russian_twist": _ex(
        "core", "Russian twist", "isolation",
        trains=["obliques", "abdominals"], posterior_chain=False, loads=[],
        aliases=["russian twists"]),
    "cable_woodchop": _ex(
        "core", "Cable woodchop", "isolation",
        trains=["obliques", "abdominals"], posterior_chain=False, loads=[],
        aliases=["woodchop", "woodchops", "wood chop", "wood chops", "cable woodchops",
                 "woodchopper", "woodchoppers"]),
    "dead_bug": _ex(
        "core", "Dead bug", "isolation",
        trains=["abdominals"], posterior_chain=False, loads=[],
        aliases=["dead bugs", "deadbug", "deadbugs"]),
    "bird_dog": _ex(
        "core", "Bird dog", "isolation",
        trains=["erector_spinae", "glutes", "abdominals"], posterior_chain=False, loads=[],
        aliases=["bird dogs", "birddog", "birddogs"]),
    "hollow_hold": _ex(
        "core", "Hollow hold", "isolation",
        trains=["abdominals"], posterior_chain=False, loads=[],
        aliases=["hollow holds", "hollow body hold", "hollow rock", "hollow rocks", "hollow body"]),
    "suitcase_carry": _ex(
        "core", "Suitcase carry", "compound",
        trains=["obliques", "abdominals", "gluteus_medius", "forearms"], posterior_chain=False,
        loads=["grip"],
        aliases=["suitcase carries", "suitcase walk", "suitcase walks", "single arm farmers carry"]),
    "turkish_get_up": _ex(
        "core", "Turkish get-up", "compound",
        trains=["front_deltoids", "abdominals", "obliques", "glutes"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["turkish get up", "turkish get ups", "turkish getup", "turkish getups", "tgu",
                 "tgus", "get up", "get ups", "kettlebell get up"]),

    # --- conditioning ---------------------------------------------------------------------------
    "farmers_carry": _ex(
        "conditioning", "Farmer's carry", "compound",
        trains=["forearms", "trapezius", "abdominals", "glutes"], posterior_chain=False,
        loads=["grip", "low_back"],
        aliases=["farmers carry", "farmers carries", "farmer carry", "farmers walk",
                 "farmer walk", "farmers walks", "farmer walks", "farmers", "trap bar carry"]),
    "yoke_carry": _ex(
        "conditioning", "Yoke carry", "compound",
        trains=["quadriceps", "glutes", "erector_spinae", "trapezius", "abdominals"],
        posterior_chain=True, loads=["low_back", "knee", "hip"],
        aliases=["yoke", "yoke walk", "yoke carries"]),
    "sled_push": _ex(
        "conditioning", "Sled push", "compound",
        trains=["quadriceps", "glutes", "calves"], posterior_chain=False, loads=["knee"],
        aliases=["sled pushes", "prowler", "prowler push", "prowler pushes", "sled", "sleds"]),
    "sled_drag": _ex(
        "conditioning", "Sled drag", "compound",
        trains=["quadriceps", "glutes", "hamstrings", "calves"], posterior_chain=False,
        loads=["knee"],
        aliases=["sled drags", "sled pull", "sled pulls", "backward sled drag",
                 "reverse sled drag"]),
    "rowing_machine": _ex(
        "conditioning", "Rowing machine", "compound",
        trains=["quadriceps", "glutes", "hamstrings", "latissimus_dorsi"], posterior_chain=False,
        loads=["low_back"],
        aliases=["rower", "rowing", "erg", "erg row", "row erg", "concept 2", "concept2",
                 "indoor row", "indoor rowing", "rowing erg"]),
    "assault_bike": _ex(
        "conditioning", "Assault bike", "compound",
        trains=["quadriceps", "glutes", "front_deltoids"], posterior_chain=False, loads=[],
        aliases=["air bike", "airbike", "airdyne", "echo bike", "fan bike", "assault bikes"]),
    "stationary_bike": _ex(
        "conditioning", "Stationary bike", "compound",
        trains=["quadriceps", "glutes"], posterior_chain=False, loads=[],
        aliases=["bike", "exercise bike", "spin bike", "spin", "spin class", "cycling"]),
    "ski_erg": _ex(
        "conditioning", "Ski erg", "compound",
        trains=["latissimus_dorsi", "triceps", "abdominals"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["skierg", "ski erg", "ski ergs", "ski machine"]),
    "running": _ex(
        "conditioning", "Running", "compound",
        trains=["quadriceps", "hamstrings", "calves", "glutes"], posterior_chain=False,
        loads=["knee"],
        aliases=["run", "runs", "jog", "jogging", "treadmill", "easy run", "treadmill run"]),
    "sprint": _ex(
        "conditioning", "Sprint", "compound",
        trains=["hamstrings", "glutes", "quadriceps", "calves"], posterior_chain=True,
        loads=["hamstring", "hip"],
        aliases=["sprints", "sprinting", "hill sprint", "hill sprints"]),
    "battle_ropes": _ex(
        "conditioning", "Battle ropes", "compound",
        trains=["front_deltoids", "abdominals"], posterior_chain=False, loads=["shoulder", "grip"],
        aliases=["battle rope", "battling ropes", "ropes"]),
    "jump_rope": _ex(
        "conditioning", "Jump rope", "compound",
        trains=["calves"], posterior_chain=False, loads=[],
        aliases=["skipping", "skipping rope", "skip rope", "double unders", "double under"]),
    "burpee": _ex(
        "conditioning", "Burpee", "compound",
        trains=["quadriceps", "pectorals", "abdominals"], posterior_chain=False, loads=["shoulder"],
        aliases=["burpees"]),
    "wall_ball": _ex(
        "conditioning", "Wall ball", "compound",
        trains=["quadriceps", "glutes", "front_deltoids"], posterior_chain=False,
        loads=["knee", "shoulder"],
        aliases=["wall balls", "wallball", "wallballs", "wall ball shot", "wall ball shots"]),
    "medicine_ball_throw": _ex(
        "conditioning", "Medicine-ball throw", "compound",
        trains=["glutes", "abdominals", "obliques", "pectorals"], posterior_chain=False,
        loads=["shoulder"],
        aliases=["medicine ball throw", "medicine ball throws", "med ball throw", "med ball throws",
                 "medball throw", "medball throws", "rotational med ball throw", "med ball chest pass",
                 "chest pass", "overhead med ball throw", "med ball toss", "scoop toss"]),
    "medicine_ball_slam": _ex(
        "conditioning", "Medicine-ball slam", "compound",
        trains=["latissimus_dorsi", "abdominals"], posterior_chain=False, loads=["shoulder"],
        aliases=["medicine ball slam", "medicine ball slams", "med ball slam", "med ball slams",
                 "ball slam", "ball slams", "slam ball", "slam balls", "slams"]),
}

# Names lifters type for exercises kb.exercises already has; the name index reads them with the
# catalogue's own aliases.
TYPED_NAMES = {
    "pull_up": ["chin", "chins", "weighted pull up", "weighted chin up", "assisted pull up",
                "assisted chin up", "band assisted pull up", "neutral grip pull up",
                "wide grip pull up"],
    "lat_pulldown": ["lat pull", "lat pulls", "pull down", "pull downs", "wide grip pulldown",
                     "close grip pulldown", "neutral grip pulldown", "v bar pulldown",
                     "cable pulldown", "lat machine", "close grip lat pulldown",
                     "wide grip lat pulldown", "single arm lat pulldown"],
    "face_pull": ["facepull", "facepulls", "rear delt fly", "rear delt flye", "reverse flye",
                  "reverse pec deck", "rear delt machine", "rear delt raise", "rear delt flies"],
    "triceps_extension": ["skullcrusher", "skullcrushers", "lying triceps extension",
                          "overhead triceps extension", "overhead extension", "rope pushdown",
                          "cable pushdown", "french press", "ez bar skull crusher"],
    "biceps_curl": ["preacher curl", "ez bar curl", "dumbbell curl", "concentration curl",
                    "incline curl", "incline dumbbell curl", "cable curl", "spider curl"],
    "back_extension": ["hyper", "hypers", "roman chair", "back raise", "back raises",
                       "weighted back extension"],
    "romanian_deadlift": ["dumbbell rdl", "barbell rdl", "dumbbell romanian deadlift"],
    "hamstring_curl": ["standing leg curl", "machine leg curl", "ham curl", "prone leg curl"],
    "hip_thrust": ["single leg hip thrust", "machine hip thrust"],
    "lunge": ["reverse lunge", "forward lunge", "bss", "rfess", "rear foot elevated split squat",
              "dumbbell lunge", "barbell lunge", "bulgarian", "bulgarians"],
    "leg_extension": ["quad extension", "leg ext"],
    "overhead_press": ["standing press", "strict press", "barbell overhead press", "military"],
    "bench_press": ["bp", "flat bench press", "paused bench", "pause bench", "competition bench"],
    "barbell_row": ["yates row", "bent row", "bent over barbell row"],
    "seated_row": ["single arm dumbbell row", "one arm dumbbell row", "single arm row", "low row"],
    "straight_arm_pulldown": ["pullover", "dumbbell pullover", "cable pullover"],
    "wrist_curl": ["reverse wrist curl", "gripper", "grippers", "plate pinch", "pinch grip"],
    "dip": ["weighted dip", "parallel bar dip", "bench dip", "tricep dip"],
    "good_morning": ["ssb good morning", "safety bar good morning", "banded good morning"],
    "kettlebell_swing": ["russian swing", "american swing"],
    "back_squat": ["bsq"],
    "leg_press": ["single leg press"],
}
