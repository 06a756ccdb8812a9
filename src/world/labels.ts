/** Labels the engine and compose put on resources, and the one the tutor puts on its own helpers. */

/** Set by both `docker compose` and `docker-compose` on what they create. */
export const composeProjectLabel = "com.docker.compose.project";
export const composeServiceLabel = "com.docker.compose.service";

/** Label on every container the tutor itself creates, so its own events are told from the learner's. */
export const helperLabel = "org.docker-tutor.helper";
