-- Care consent: the asker's own answer on their care-lane question (may the facilitators ask the room a version
-- without the details, or keep it between them), and when they gave it. A safer version is published only after "yes".
ALTER TABLE "CareItem" ADD COLUMN "askerChoice" TEXT;
ALTER TABLE "CareItem" ADD COLUMN "askerChoiceAt" DATETIME;
