import type { MessageKey } from "./en.js";

/** Les mots du tuteur en français. */
export const fr: Record<MessageKey, string> = {
  "status.new": "nouvelle",
  "status.in-progress": "en cours",
  "status.done": "terminée",
  "list.heading": "Leçons",
  "list.steps": "{steps} étapes : {tasks} exercices, {quizzes} quiz",
  "list.stepOf": "étape {current}/{total}",
  "list.requires": "après : {ids}",
  "list.empty": "Aucune leçon trouvée.",
  "list.packProblems":
    "{pack} : {count} problème(s) dans ce pack ; lancez `docker-tutor lint {dir}` pour les voir",
  "lint.clean": "{packs} pack(s), {lessons} leçon(s) : aucun problème",
  "lint.summary": "{errors} erreur(s), {warnings} avertissement(s)",
  "doctor.engine": "Moteur Docker",
  "doctor.engineVia": "joint sur {host} (via {source})",
  "doctor.versions": "moteur {version}, API {api}",
  "doctor.cli": "client docker",
  "doctor.compose": "commande compose",
  "doctor.images": "images des leçons",
  "doctor.imagesPresent": "les {count} sont présentes",
  "doctor.imagesMissing": "manquantes : {images}",
  "doctor.imagesFix":
    "lancez `bash scripts/standins.sh` dans un clone de docker-tutor, ou `docker pull` (ou `docker load` d'une archive)",
  "doctor.disk": "espace disque libre",
  "doctor.diskLow": "seulement {free} de libre dans {dir}",
  "doctor.ok": "Tout ce dont le tuteur a besoin est là.",
  "doctor.notOk": "Corrigez les problèmes ci-dessus, puis relancez `docker-tutor doctor`.",
  "doctor.notOnPath": "introuvable dans le PATH",
  "doctor.installCli": "installez le client Docker (https://docs.docker.com/get-docker/)",
  "doctor.installCompose": "installez le plugin compose (`docker compose`) ou docker-compose",
  "doctor.freeDisk": "libérez de la place : `docker system df` montre ce qui l'occupe",
  "pack.missing": "aucun pack dans {dir}",
};
