// The kind reply templates facilitators start from in the care lane (Samaritans: templates written with experts give
// consistency). No zod here, so the console shows them without pulling the schema library into the page.

/**
 * Supportive starting points for a private reply: warm, no method details, hopeful and help-seeking, never asking
 * for identifying details (#chatsafe, Action Alliance safe messaging). Facilitators edit them before sending.
 */
export const CARE_REPLY_TEMPLATES: readonly { id: string; label: string; body: string }[] = [
  {
    id: 'seen',
    label: 'We see you',
    body: 'Thank you for telling us. We read what you wrote and we are glad you reached out. You are not alone in this, and we are here with you.',
  },
  {
    id: 'support-now',
    label: 'Support right now',
    body: 'What you are feeling matters. If you feel you might act on these thoughts, please contact your local emergency number or one of the support lines shown with your question. They are there for exactly this, any time.',
  },
  {
    id: 'ask-together',
    label: 'Ask it together',
    body: 'Would you like us to ask the room a version of your question, without the personal details? Only if you want to. Under your question you can choose "Yes, ask a version without the details" or "Keep it between us". Either answer is okay, and you can change your mind until we have asked it.',
  },
  {
    id: 'after',
    label: 'After the discussion',
    body: 'Difficult experiences can take time to settle, and that is okay. Please be gentle with yourself tonight. If it helps, reach out to someone you trust or one of the lines listed with your question.',
  },
];
