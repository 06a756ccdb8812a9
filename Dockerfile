# The tutor itself, in a container that talks to the host's engine:
#   npm run build && docker build -t docker-tutor .
#   docker run -it --rm -v /var/run/docker.sock:/var/run/docker.sock docker-tutor start
# dist/ is a self-contained bundle (no node_modules), so the image needs no network to build.
FROM docker:28-cli AS docker-cli

FROM node:20-bookworm-slim
LABEL org.opencontainers.image.title="docker-tutor" \
      org.opencontainers.image.description="Learn Docker on your own machine, checked through the Docker engine"
# Learners type docker commands at the tutor's prompt: the client comes from the official image, with
# its compose v2 and buildx plugins (the compose lesson and BuildKit builds need them).
COPY --from=docker-cli /usr/local/bin/docker /usr/local/bin/docker
COPY --from=docker-cli /usr/local/libexec/docker/cli-plugins/ /usr/local/libexec/docker/cli-plugins/
WORKDIR /opt/docker-tutor
COPY package.json README.md ./
COPY schemas ./schemas
COPY lessons ./lessons
COPY dist ./dist
ENV DOCKER_TUTOR_HOME=/var/lib/docker-tutor \
    NODE_ENV=production
# Lesson working folders land here; mount a host folder to keep them: -v "$PWD/work:/work".
WORKDIR /work
ENTRYPOINT ["node", "/opt/docker-tutor/dist/cli.js"]
CMD ["start"]
