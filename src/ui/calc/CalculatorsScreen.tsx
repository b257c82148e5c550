import { Box, Text } from 'ink';
import type { ScreenProps } from '../screen-props.js';

export function CalculatorsScreen(props: ScreenProps): React.JSX.Element {
  void props;
  return (
    <Box>
      <Text>CalculatorsScreen</Text>
    </Box>
  );
}
